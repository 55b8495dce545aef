ALTER TABLE `locations` ADD `guest_share_max` integer;--> statement-breakpoint
ALTER TABLE `locations` ADD `guest_share_per` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `reserved_for_staff` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `reserved_until_hours` integer DEFAULT 24 NOT NULL;