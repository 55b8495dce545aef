CREATE TABLE `insight_location_days` (
	`day` text NOT NULL,
	`location_id` integer NOT NULL,
	`morning` integer DEFAULT 0 NOT NULL,
	`afternoon` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `location_id`)
);
--> statement-breakpoint
CREATE TABLE `insight_location_months` (
	`month` text NOT NULL,
	`location_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`morning` integer DEFAULT 0 NOT NULL,
	`afternoon` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `location_id`, `weekday`)
);
