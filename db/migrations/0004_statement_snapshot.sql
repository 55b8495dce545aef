ALTER TABLE `statements` ADD `holder_name` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `issued_meetings` text;