-- The 'desks' change counter (issue #18): bumped by every write to what decides which spaces a desk
-- search finds (spaces, their locations and sharing, closures, organisations' holiday choices and names),
-- from any process, so the search's per-process list of matching spaces (src/desks/desks.ts) is never stale.
INSERT INTO `change_counters` (`name`, `n`) VALUES ('desks', 0);
--> statement-breakpoint
CREATE TRIGGER `spaces_insert_bumps_desks` AFTER INSERT ON `spaces` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `spaces_update_bumps_desks` AFTER UPDATE ON `spaces` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `spaces_delete_bumps_desks` AFTER DELETE ON `spaces` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_insert_bumps_desks` AFTER INSERT ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_update_bumps_desks` AFTER UPDATE ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `locations_delete_bumps_desks` AFTER DELETE ON `locations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `location_shares_insert_bumps_desks` AFTER INSERT ON `location_shares` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `location_shares_update_bumps_desks` AFTER UPDATE ON `location_shares` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `location_shares_delete_bumps_desks` AFTER DELETE ON `location_shares` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_insert_bumps_desks` AFTER INSERT ON `closures` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_update_bumps_desks` AFTER UPDATE ON `closures` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_delete_bumps_desks` AFTER DELETE ON `closures` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_insert_bumps_desks` AFTER INSERT ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_update_bumps_desks` AFTER UPDATE ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_delete_bumps_desks` AFTER DELETE ON `organisations` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'desks'; END;
