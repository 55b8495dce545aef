ALTER TABLE `organisations` ADD `closed_holidays` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `respond_by` integer;--> statement-breakpoint
CREATE INDEX `bookings_pending_idx` ON `bookings` (`respond_by`) WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE `closures` ADD `scope` text DEFAULT 'location' NOT NULL;--> statement-breakpoint
CREATE INDEX `closures_wide_idx` ON `closures` (`scope`,`org_id`,`end_date`) WHERE "closures"."location_id" is null;--> statement-breakpoint
ALTER TABLE `locations` ADD `closed_holidays` text;--> statement-breakpoint
ALTER TABLE `locations` ADD `request_deadline_days` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `request_deadline_time` text DEFAULT '16:00' NOT NULL;