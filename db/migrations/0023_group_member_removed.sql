PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`org_id` integer NOT NULL,
	`status` text NOT NULL,
	`queue_seq` integer NOT NULL,
	`queued_at` integer NOT NULL,
	`joined_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `intervision_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "group_members_status_check" CHECK("__new_group_members"."status" in ('registered','waitlisted','left','removed'))
);
--> statement-breakpoint
INSERT INTO `__new_group_members`("id", "group_id", "user_id", "org_id", "status", "queue_seq", "queued_at", "joined_at") SELECT "id", "group_id", "user_id", "org_id", "status", "queue_seq", "queued_at", "joined_at" FROM `group_members`;--> statement-breakpoint
DROP TABLE `group_members`;--> statement-breakpoint
ALTER TABLE `__new_group_members` RENAME TO `group_members`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `group_members_unique` ON `group_members` (`group_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `group_members_queue_idx` ON `group_members` (`group_id`,`status`,`queue_seq`);