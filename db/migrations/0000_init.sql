CREATE TABLE `calendar_feeds` (
	`user_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invitations_role_check" CHECK("invitations"."role" in ('member','host','facilitator','org_admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_org_idx` ON `invitations` (`org_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_start` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`org_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `org_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_role_check" CHECK("memberships"."role" in ('member','host','facilitator','org_admin'))
);
--> statement-breakpoint
CREATE INDEX `memberships_org_idx` ON `memberships` (`org_id`,`role`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`read_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_link_check" CHECK("notifications"."link" is null or "notifications"."link" like '/%')
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`town` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK("organisations"."kind" in ('cjg','ggd','jgz','wijkteam','jeugdzorg','gemeente','school','anders'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (lower("name"));--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attachments` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `password_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_tokens_user_idx` ON `password_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`locale` text,
	`is_network_admin` integer DEFAULT false NOT NULL,
	`email_reminders` integer DEFAULT true NOT NULL,
	`deactivated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "users_locale_check" CHECK("users"."locale" is null or "users"."locale" in ('nl','en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `bookings` (
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
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guest_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "bookings_daypart_check" CHECK("bookings"."daypart" in ('morning','afternoon')),
	CONSTRAINT "bookings_status_check" CHECK("bookings"."status" in ('confirmed','pending','cancelled','declined','no_show')),
	CONSTRAINT "bookings_note_check" CHECK("bookings"."note" is null or length("bookings"."note") <= 280),
	CONSTRAINT "bookings_date_check" CHECK("bookings"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_place_unique` ON `bookings` (`user_id`,`date`,`daypart`) WHERE status in ('confirmed','pending');--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`space_id`,`date`,`daypart`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_user_idx` ON `bookings` (`user_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_location_date_idx` ON `bookings` (`location_id`,`date`);--> statement-breakpoint
CREATE INDEX `bookings_status_date_idx` ON `bookings` (`status`,`date`);--> statement-breakpoint
CREATE TABLE `closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`space_id` integer,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "closures_range_check" CHECK("closures"."start_date" <= "closures"."end_date")
);
--> statement-breakpoint
CREATE INDEX `closures_location_idx` ON `closures` (`location_id`,`end_date`);--> statement-breakpoint
CREATE TABLE `location_shares` (
	`location_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	PRIMARY KEY(`location_id`, `org_id`),
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`postcode` text NOT NULL,
	`town` text NOT NULL,
	`accessibility` text,
	`open_weekdays` integer DEFAULT 31 NOT NULL,
	`guest_instructions` text,
	`house_rules` text,
	`contact_person` text,
	`sharing` text DEFAULT 'all' NOT NULL,
	`approval_required` integer DEFAULT false NOT NULL,
	`horizon_weeks` integer DEFAULT 8 NOT NULL,
	`checkin_deadline_morning` text DEFAULT '10:00' NOT NULL,
	`checkin_deadline_afternoon` text DEFAULT '14:00' NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "locations_sharing_check" CHECK("locations"."sharing" in ('all','list')),
	CONSTRAINT "locations_weekdays_check" CHECK("locations"."open_weekdays" between 0 and 127),
	CONSTRAINT "locations_horizon_check" CHECK("locations"."horizon_weeks" between 1 and 52),
	CONSTRAINT "locations_deadline_morning_check" CHECK("locations"."checkin_deadline_morning" glob '[0-2][0-9]:[0-5][0-9]'),
	CONSTRAINT "locations_deadline_afternoon_check" CHECK("locations"."checkin_deadline_afternoon" glob '[0-2][0-9]:[0-5][0-9]')
);
--> statement-breakpoint
CREATE INDEX `locations_org_idx` ON `locations` (`org_id`);--> statement-breakpoint
CREATE INDEX `locations_town_idx` ON `locations` (lower("town"));--> statement-breakpoint
CREATE TABLE `spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`capacity` integer NOT NULL,
	`amenities` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "spaces_kind_check" CHECK("spaces"."kind" in ('flexplek','stilteruimte','overlegruimte')),
	CONSTRAINT "spaces_capacity_check" CHECK("spaces"."capacity" between 1 and 500),
	CONSTRAINT "spaces_amenities_check" CHECK("spaces"."amenities" between 0 and 255)
);
--> statement-breakpoint
CREATE INDEX `spaces_location_idx` ON `spaces` (`location_id`);--> statement-breakpoint
CREATE INDEX `spaces_org_idx` ON `spaces` (`org_id`);--> statement-breakpoint
CREATE TABLE `attendance_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` integer NOT NULL,
	`changed_by` text,
	`changed_at` integer NOT NULL,
	`old_presence` text,
	`new_presence` text,
	`old_minutes` integer,
	`new_minutes` integer,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attendance_changes_registration_idx` ON `attendance_changes` (`registration_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `group_members` (
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
	CONSTRAINT "group_members_status_check" CHECK("group_members"."status" in ('registered','waitlisted','left'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_members_unique` ON `group_members` (`group_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `group_members_queue_idx` ON `group_members` (`group_id`,`status`,`queue_seq`);--> statement-breakpoint
CREATE TABLE `intervision_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`facilitator_id` text NOT NULL,
	`title` text NOT NULL,
	`closed` integer DEFAULT false NOT NULL,
	`cadence_weeks` integer NOT NULL,
	`count` integer NOT NULL,
	`max_participants` integer DEFAULT 8 NOT NULL,
	`max_per_org` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "intervision_groups_cadence_check" CHECK("intervision_groups"."cadence_weeks" between 1 and 52),
	CONSTRAINT "intervision_groups_count_check" CHECK("intervision_groups"."count" between 1 and 52),
	CONSTRAINT "intervision_groups_max_check" CHECK("intervision_groups"."max_participants" between 1 and 100),
	CONSTRAINT "intervision_groups_max_per_org_check" CHECK("intervision_groups"."max_per_org" is null or "intervision_groups"."max_per_org" >= 1)
);
--> statement-breakpoint
CREATE INDEX `intervision_groups_facilitator_idx` ON `intervision_groups` (`facilitator_id`);--> statement-breakpoint
CREATE TABLE `meeting_visibility` (
	`meeting_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `org_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_visibility_org_idx` ON `meeting_visibility` (`org_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`facilitator_id` text NOT NULL,
	`group_id` integer,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`method` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place_kind` text NOT NULL,
	`place_name` text,
	`address` text,
	`town` text,
	`online_url` text,
	`location_id` integer,
	`min_participants` integer DEFAULT 4 NOT NULL,
	`max_participants` integer DEFAULT 8 NOT NULL,
	`max_per_org` integer,
	`signup_opens_at` integer NOT NULL,
	`signup_closes_at` integer NOT NULL,
	`cancel_deadline_at` integer NOT NULL,
	`visibility` text DEFAULT 'all' NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`min_warning_sent_at` integer,
	`min_confirmed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `intervision_groups`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meetings_times_check" CHECK("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_signup_window_check" CHECK("meetings"."signup_opens_at" < "meetings"."signup_closes_at" and "meetings"."signup_closes_at" <= "meetings"."starts_at"),
	CONSTRAINT "meetings_cancel_deadline_check" CHECK("meetings"."cancel_deadline_at" <= "meetings"."starts_at"),
	CONSTRAINT "meetings_participants_check" CHECK("meetings"."min_participants" >= 1 and "meetings"."min_participants" <= "meetings"."max_participants" and "meetings"."max_participants" <= 100),
	CONSTRAINT "meetings_max_per_org_check" CHECK("meetings"."max_per_org" is null or "meetings"."max_per_org" >= 1),
	CONSTRAINT "meetings_kind_check" CHECK("meetings"."kind" in ('intervisie','casuistiek','methodisch','praktijkbegeleiding','innovatie')),
	CONSTRAINT "meetings_method_check" CHECK("meetings"."method" in ('incident','tienstappen','balint','roddel','reflectiecyclus','anders')),
	CONSTRAINT "meetings_place_kind_check" CHECK("meetings"."place_kind" in ('location','address','online')),
	CONSTRAINT "meetings_visibility_check" CHECK("meetings"."visibility" in ('all','list')),
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('scheduled','cancelled'))
);
--> statement-breakpoint
CREATE INDEX `meetings_status_starts_idx` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_facilitator_idx` ON `meetings` (`facilitator_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_org_idx` ON `meetings` (`org_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_group_idx` ON `meetings` (`group_id`);--> statement-breakpoint
CREATE INDEX `meetings_signup_close_idx` ON `meetings` (`status`,`signup_closes_at`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` text NOT NULL,
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
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "registrations_status_check" CHECK("registrations"."status" in ('registered','waitlisted','cancelled','removed')),
	CONSTRAINT "registrations_presence_check" CHECK("registrations"."presence" is null or "registrations"."presence" in ('present','absent','excused')),
	CONSTRAINT "registrations_minutes_check" CHECK("registrations"."minutes_present" is null or "registrations"."minutes_present" between 0 and 1440)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_meeting_user_unique` ON `registrations` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `registrations_queue_idx` ON `registrations` (`meeting_id`,`status`,`queue_seq`);--> statement-breakpoint
CREATE INDEX `registrations_user_idx` ON `registrations` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`code` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_code_unique` ON `statements` (`code`);--> statement-breakpoint
CREATE INDEX `statements_user_idx` ON `statements` (`user_id`);