CREATE TABLE `desk_demand` (
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`location_id` integer DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `kind`, `location_id`),
	CONSTRAINT "desk_demand_kind_check" CHECK("desk_demand"."kind" in ('search_empty','refused_full'))
);
