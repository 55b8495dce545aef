CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`org_id` integer,
	`object` text NOT NULL,
	`subject_count` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "access_log_action_check" CHECK("access_log"."action" in ('attendance_list','attendance_csv','guest_list','member_details','member_list','export','account_deleted'))
);
--> statement-breakpoint
CREATE INDEX `access_log_at_idx` ON `access_log` (`at`);--> statement-breakpoint
CREATE INDEX `access_log_org_idx` ON `access_log` (`org_id`,`at`);--> statement-breakpoint
CREATE INDEX `access_log_actor_idx` ON `access_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE TABLE `access_log_subjects` (
	`log_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_subjects_user_idx` ON `access_log_subjects` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `access_log_subjects_log_idx` ON `access_log_subjects` (`log_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` text,
	`org_id` integer NOT NULL,
	`status` text NOT NULL,
	`brings_case` integer DEFAULT false NOT NULL,
	`queue_seq` integer,
	`queued_at` integer,
	`registered_at` integer,
	`presence` text,
	`minutes_present` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "registrations_status_check" CHECK("__new_registrations"."status" in ('registered','waitlisted','cancelled','removed')),
	CONSTRAINT "registrations_presence_check" CHECK("__new_registrations"."presence" is null or "__new_registrations"."presence" in ('present','absent','excused')),
	CONSTRAINT "registrations_minutes_check" CHECK("__new_registrations"."minutes_present" is null or "__new_registrations"."minutes_present" between 0 and 1440)
);
--> statement-breakpoint
INSERT INTO `__new_registrations`("id", "meeting_id", "user_id", "org_id", "status", "brings_case", "queue_seq", "queued_at", "registered_at", "presence", "minutes_present", "created_at", "updated_at") SELECT "id", "meeting_id", "user_id", "org_id", "status", "brings_case", "queue_seq", "queued_at", "registered_at", "presence", "minutes_present", "created_at", "updated_at" FROM `registrations`;--> statement-breakpoint
DROP TABLE `registrations`;--> statement-breakpoint
ALTER TABLE `__new_registrations` RENAME TO `registrations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_meeting_user_unique` ON `registrations` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `registrations_queue_idx` ON `registrations` (`meeting_id`,`status`,`queue_seq`);--> statement-breakpoint
CREATE INDEX `registrations_user_idx` ON `registrations` (`user_id`,`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `deleted_at` integer;--> statement-breakpoint
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log` BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `access_log_no_delete` BEFORE DELETE ON `access_log` WHEN old.`at` > (unixepoch('now', '-2 years') * 1000) BEGIN SELECT RAISE(ABORT, 'access_log is append-only for two years'); END;--> statement-breakpoint
CREATE TRIGGER `access_log_subjects_no_update` BEFORE UPDATE ON `access_log_subjects` BEGIN SELECT RAISE(ABORT, 'access_log_subjects is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `access_log_subjects_no_delete` BEFORE DELETE ON `access_log_subjects` WHEN old.`at` > (unixepoch('now', '-2 years') * 1000) BEGIN SELECT RAISE(ABORT, 'access_log_subjects is append-only for two years'); END;
