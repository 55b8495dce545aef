PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`guest_org_id` integer NOT NULL,
	`date` text NOT NULL,
	`daypart` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`checked_in_at` integer,
	`arrived_at` integer,
	`series_id` text,
	`respond_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guest_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "bookings_daypart_check" CHECK("__new_bookings"."daypart" in ('morning','afternoon')),
	CONSTRAINT "bookings_status_check" CHECK("__new_bookings"."status" in ('confirmed','pending','cancelled','declined','no_show','expired')),
	CONSTRAINT "bookings_note_check" CHECK("__new_bookings"."note" is null or length("__new_bookings"."note") <= 280),
	CONSTRAINT "bookings_date_check" CHECK("__new_bookings"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
INSERT INTO `__new_bookings`("id", "space_id", "location_id", "org_id", "user_id", "guest_org_id", "date", "daypart", "status", "note", "checked_in_at", "arrived_at", "series_id", "respond_by", "created_at", "updated_at") SELECT "id", "space_id", "location_id", "org_id", "user_id", "guest_org_id", "date", "daypart", "status", "note", "checked_in_at", "arrived_at", "series_id", "respond_by", "created_at", "updated_at" FROM `bookings`;--> statement-breakpoint
DROP TABLE `bookings`;--> statement-breakpoint
ALTER TABLE `__new_bookings` RENAME TO `bookings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_place_unique` ON `bookings` (`user_id`,`date`,`daypart`) WHERE status in ('confirmed','pending');--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`space_id`,`date`,`daypart`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_user_idx` ON `bookings` (`user_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_location_date_idx` ON `bookings` (`location_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_status_date_idx` ON `bookings` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_pending_idx` ON `bookings` (`respond_by`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `__new_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text DEFAULT 'location' NOT NULL,
	`location_id` integer,
	`org_id` integer,
	`space_id` integer,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "closures_range_check" CHECK("__new_closures"."start_date" <= "__new_closures"."end_date"),
	CONSTRAINT "closures_scope_check" CHECK(("__new_closures"."scope" = 'location' and "__new_closures"."location_id" is not null and "__new_closures"."org_id" is not null)
       or ("__new_closures"."scope" = 'org' and "__new_closures"."location_id" is null and "__new_closures"."org_id" is not null and "__new_closures"."space_id" is null)
       or ("__new_closures"."scope" = 'network' and "__new_closures"."location_id" is null and "__new_closures"."org_id" is null and "__new_closures"."space_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_closures`("id", "scope", "location_id", "org_id", "space_id", "start_date", "end_date", "reason", "created_at") SELECT "id", "scope", "location_id", "org_id", "space_id", "start_date", "end_date", "reason", "created_at" FROM `closures`;--> statement-breakpoint
DROP TABLE `closures`;--> statement-breakpoint
ALTER TABLE `__new_closures` RENAME TO `closures`;--> statement-breakpoint
CREATE INDEX `closures_location_idx` ON `closures` (`location_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `closures_wide_idx` ON `closures` (`scope`,`org_id`,`end_date`) WHERE "closures"."location_id" is null;