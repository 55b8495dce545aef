CREATE TABLE `insight_guest_days` (
	`day` text NOT NULL,
	`guest_org_id` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `guest_org_id`)
);
--> statement-breakpoint
CREATE TABLE `insight_host_days` (
	`day` text NOT NULL,
	`host_org_id` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	`self_held` integer DEFAULT 0 NOT NULL,
	`self_no_show` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `host_org_id`)
);
--> statement-breakpoint
CREATE TABLE `insight_pair_months` (
	`month` text NOT NULL,
	`host_org_id` integer NOT NULL,
	`guest_org_id` integer NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `host_org_id`, `guest_org_id`)
);
--> statement-breakpoint
CREATE INDEX `insight_pair_months_held_idx` ON `insight_pair_months` (`month`,`held`);--> statement-breakpoint
CREATE INDEX `bookings_insight_idx` ON `bookings` (`date`,`org_id`,`guest_org_id`,`status`,`location_id`,`daypart`);--> statement-breakpoint
CREATE INDEX `bookings_cancelled_idx` ON `bookings` (`date`,`org_id`,`guest_org_id`,`updated_at`) WHERE status = 'cancelled';