DROP INDEX `meetings_status_starts_idx`;--> statement-breakpoint
CREATE INDEX `meetings_upcoming_idx` ON `meetings` (`status`,`starts_at`,`visibility`,`org_id`,`kind`,`method`,`place_kind`,`town`);--> statement-breakpoint
CREATE INDEX `locations_open_town_idx` ON `locations` (`town`) WHERE "locations"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `locations_open_org_idx` ON `locations` (`org_id`) WHERE "locations"."archived_at" is null;