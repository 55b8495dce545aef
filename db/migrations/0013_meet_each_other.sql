CREATE TABLE `consult_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hour_id` integer NOT NULL,
	`slot` integer NOT NULL,
	`user_id` text,
	`org_id` integer NOT NULL,
	`tag_id` integer,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`hour_id`) REFERENCES `consult_hours`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tag_id`) REFERENCES `expertise_tags`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "consult_bookings_status_check" CHECK("consult_bookings"."status" in ('booked','cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consult_bookings_slot_unique` ON `consult_bookings` (`hour_id`,`slot`) WHERE status = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX `consult_bookings_person_unique` ON `consult_bookings` (`hour_id`,`user_id`) WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX `consult_bookings_user_idx` ON `consult_bookings` (`user_id`);--> statement-breakpoint
CREATE TABLE `consult_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`expert_id` text NOT NULL,
	`org_id` integer NOT NULL,
	`location_id` integer,
	`online_url` text,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`slot_minutes` integer NOT NULL,
	`slots` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`expert_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consult_hours_slots_check" CHECK("consult_hours"."slots" between 1 and 16 and "consult_hours"."slot_minutes" between 10 and 120),
	CONSTRAINT "consult_hours_place_check" CHECK("consult_hours"."location_id" is not null or "consult_hours"."online_url" is not null),
	CONSTRAINT "consult_hours_status_check" CHECK("consult_hours"."status" in ('open','cancelled')),
	CONSTRAINT "consult_hours_time_check" CHECK("consult_hours"."start_time" glob '[0-2][0-9]:[0-5][0-9]')
);
--> statement-breakpoint
CREATE INDEX `consult_hours_date_idx` ON `consult_hours` (`date`,`status`);--> statement-breakpoint
CREATE INDEX `consult_hours_expert_idx` ON `consult_hours` (`expert_id`,`date`);--> statement-breakpoint
CREATE TABLE `expertise_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "expertise_tags_name_check" CHECK(length("expertise_tags"."name") between 1 and 60)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expertise_tags_name_unique` ON `expertise_tags` (lower("name"));--> statement-breakpoint
CREATE TABLE `profile_tags` (
	`user_id` text NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `tag_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `expertise_tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `profile_tags_tag_idx` ON `profile_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`visible` integer DEFAULT false NOT NULL,
	`show_presence` integer DEFAULT false NOT NULL,
	`discipline` text,
	`about` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "profiles_about_check" CHECK("profiles"."about" is null or length("profiles"."about") <= 140),
	CONSTRAINT "profiles_discipline_check" CHECK("profiles"."discipline" is null or "profiles"."discipline" in ('jeugdverpleegkundige','jeugdarts','gezinswerker','gedragswetenschapper','wijkcoach','schoolmaatschappelijk_werker','anders'))
);
--> statement-breakpoint
CREATE TABLE `staff_presence` (
	`user_id` text NOT NULL,
	`location_id` integer NOT NULL,
	`date` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `location_id`, `date`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_presence_location_idx` ON `staff_presence` (`location_id`,`date`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_memberships` (
	`user_id` text NOT NULL,
	`org_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `org_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_role_check" CHECK("__new_memberships"."role" in ('member','host','facilitator','expert','org_admin'))
);
--> statement-breakpoint
INSERT INTO `__new_memberships`("user_id", "org_id", "role", "created_at") SELECT "user_id", "org_id", "role", "created_at" FROM `memberships`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `memberships_org_idx` ON `memberships` (`org_id`,`role`);