-- The 'people' change counter (issue #18): bumped by every write to what decides whom a worker may book
-- for (memberships, and people's names and deactivation), from any process, so the desk search's
-- per-process colleague list of an organisation (src/desks/rules.ts) is never stale.
INSERT INTO `change_counters` (`name`, `n`) VALUES ('people', 0);
--> statement-breakpoint
CREATE TRIGGER `memberships_insert_bumps_people` AFTER INSERT ON `memberships` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'people'; END;
--> statement-breakpoint
CREATE TRIGGER `memberships_update_bumps_people` AFTER UPDATE ON `memberships` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'people'; END;
--> statement-breakpoint
CREATE TRIGGER `memberships_delete_bumps_people` AFTER DELETE ON `memberships` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'people'; END;
--> statement-breakpoint
CREATE TRIGGER `users_update_bumps_people` AFTER UPDATE OF `name`, `email`, `deactivated_at`, `deleted_at` ON `users` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'people'; END;
--> statement-breakpoint
CREATE TRIGGER `users_delete_bumps_people` AFTER DELETE ON `users` BEGIN UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'people'; END;
