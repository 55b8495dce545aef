PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`user_id` text,
	`booked_by` text,
	`guest_org_id` integer,
	`visitor_name` text,
	`visitor_org` text,
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
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`booked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`guest_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "bookings_daypart_check" CHECK("__new_bookings"."daypart" in ('morning','afternoon')),
	CONSTRAINT "bookings_status_check" CHECK("__new_bookings"."status" in ('confirmed','pending','cancelled','declined','no_show','expired')),
	CONSTRAINT "bookings_note_check" CHECK("__new_bookings"."note" is null or length("__new_bookings"."note") <= 280),
	CONSTRAINT "bookings_visitor_check" CHECK("__new_bookings"."visitor_name" is null or ("__new_bookings"."user_id" is null and length("__new_bookings"."visitor_name") <= 120 and length(coalesce("__new_bookings"."visitor_org", '')) <= 120)),
	CONSTRAINT "bookings_date_check" CHECK("__new_bookings"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
INSERT INTO `__new_bookings`("id", "space_id", "location_id", "org_id", "user_id", "booked_by", "guest_org_id", "date", "daypart", "status", "note", "checked_in_at", "arrived_at", "series_id", "respond_by", "created_at", "updated_at") SELECT "id", "space_id", "location_id", "org_id", "user_id", "booked_by", "guest_org_id", "date", "daypart", "status", "note", "checked_in_at", "arrived_at", "series_id", "respond_by", "created_at", "updated_at" FROM `bookings`;--> statement-breakpoint
DROP TABLE `bookings`;--> statement-breakpoint
ALTER TABLE `__new_bookings` RENAME TO `bookings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_place_unique` ON `bookings` (`user_id`,`date`,`daypart`) WHERE status in ('confirmed','pending');--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`space_id`,`date`,`daypart`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_user_idx` ON `bookings` (`user_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_location_date_idx` ON `bookings` (`location_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_status_date_idx` ON `bookings` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_pending_idx` ON `bookings` (`respond_by`) WHERE status = 'pending';