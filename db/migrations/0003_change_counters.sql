CREATE TABLE `change_counters` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `change_counters` (`name`, `n`) VALUES ('filters', 0);
--> statement-breakpoint
CREATE TRIGGER `organisations_insert_bumps_filters` AFTER INSERT ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_update_bumps_filters` AFTER UPDATE ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_delete_bumps_filters` AFTER DELETE ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_insert_bumps_filters` AFTER INSERT ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_update_bumps_filters` AFTER UPDATE ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_delete_bumps_filters` AFTER DELETE ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_insert_bumps_filters` AFTER INSERT ON `meetings` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_update_bumps_filters` AFTER UPDATE ON `meetings` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_delete_bumps_filters` AFTER DELETE ON `meetings` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_visibility_insert_bumps_filters` AFTER INSERT ON `meeting_visibility` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_visibility_update_bumps_filters` AFTER UPDATE ON `meeting_visibility` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_visibility_delete_bumps_filters` AFTER DELETE ON `meeting_visibility` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'filters'; END;
