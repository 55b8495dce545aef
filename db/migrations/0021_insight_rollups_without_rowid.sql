-- The Inzicht rollup tables as WITHOUT ROWID tables (issue #18): their rows are stored in
-- primary-key order, so a range of days or months is read in one pass from one b-tree instead of a
-- primary-key index plus a table lookup per row, and a booking's triggers update one b-tree per
-- rollup instead of two. Same columns, same keys, same rows. SQLite cannot change this in place:
-- each table is copied into a new one and renamed. The triggers on bookings that keep the rollups
-- name these tables, so they are dropped first and created again afterwards, word for word as in
-- 0017 and 0019 (a rename while a trigger names a missing table fails).
DROP TRIGGER `bookings_insight_insert`;
--> statement-breakpoint
DROP TRIGGER `bookings_insight_delete`;
--> statement-breakpoint
DROP TRIGGER `bookings_insight_update`;
--> statement-breakpoint
DROP TRIGGER `bookings_occupancy_insert`;
--> statement-breakpoint
DROP TRIGGER `bookings_occupancy_delete`;
--> statement-breakpoint
DROP TRIGGER `bookings_occupancy_update`;
--> statement-breakpoint
CREATE TABLE `insight_guest_days__new` (
	`day` text NOT NULL,
	`guest_org_id` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `guest_org_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `insight_guest_days__new` SELECT * FROM `insight_guest_days`;
--> statement-breakpoint
DROP TABLE `insight_guest_days`;
--> statement-breakpoint
ALTER TABLE `insight_guest_days__new` RENAME TO `insight_guest_days`;
--> statement-breakpoint
CREATE TABLE `insight_host_days__new` (
	`day` text NOT NULL,
	`host_org_id` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	`self_held` integer DEFAULT 0 NOT NULL,
	`self_no_show` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `host_org_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `insight_host_days__new` SELECT * FROM `insight_host_days`;
--> statement-breakpoint
DROP TABLE `insight_host_days`;
--> statement-breakpoint
ALTER TABLE `insight_host_days__new` RENAME TO `insight_host_days`;
--> statement-breakpoint
CREATE TABLE `insight_pair_months__new` (
	`month` text NOT NULL,
	`host_org_id` integer NOT NULL,
	`guest_org_id` integer NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `host_org_id`, `guest_org_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `insight_pair_months__new` SELECT * FROM `insight_pair_months`;
--> statement-breakpoint
DROP TABLE `insight_pair_months`;
--> statement-breakpoint
ALTER TABLE `insight_pair_months__new` RENAME TO `insight_pair_months`;
--> statement-breakpoint
CREATE TABLE `insight_location_days__new` (
	`day` text NOT NULL,
	`location_id` integer NOT NULL,
	`morning` integer DEFAULT 0 NOT NULL,
	`afternoon` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `location_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `insight_location_days__new` SELECT * FROM `insight_location_days`;
--> statement-breakpoint
DROP TABLE `insight_location_days`;
--> statement-breakpoint
ALTER TABLE `insight_location_days__new` RENAME TO `insight_location_days`;
--> statement-breakpoint
CREATE TABLE `insight_location_months__new` (
	`month` text NOT NULL,
	`location_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`morning` integer DEFAULT 0 NOT NULL,
	`afternoon` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `location_id`, `weekday`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `insight_location_months__new` SELECT * FROM `insight_location_months`;
--> statement-breakpoint
DROP TABLE `insight_location_months`;
--> statement-breakpoint
ALTER TABLE `insight_location_months__new` RENAME TO `insight_location_months`;
--> statement-breakpoint
CREATE INDEX `insight_pair_months_held_idx` ON `insight_pair_months` (`month`,`held`);
--> statement-breakpoint
CREATE TRIGGER `bookings_insight_insert` AFTER INSERT ON `bookings` BEGIN
  INSERT INTO `insight_host_days` (`day`, `host_org_id`, `total`, `held`, `no_show`, `declined`, `expired`, `self_held`, `self_no_show`)
    SELECT new.date, new.org_id, 1, (new.status in ('confirmed','no_show')), (new.status = 'no_show'), (new.status = 'declined'), (new.status = 'expired'),
           (new.guest_org_id = new.org_id and new.status in ('confirmed','no_show')), (new.guest_org_id = new.org_id and new.status = 'no_show')
    WHERE new.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`, `self_held` = `self_held` + excluded.`self_held`,
      `self_no_show` = `self_no_show` + excluded.`self_no_show`;
  INSERT INTO `insight_guest_days` (`day`, `guest_org_id`, `total`, `held`, `no_show`, `declined`, `expired`)
    SELECT new.date, new.guest_org_id, 1, (new.status in ('confirmed','no_show')), (new.status = 'no_show'), (new.status = 'declined'), (new.status = 'expired')
    WHERE new.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`;
  INSERT INTO `insight_pair_months` (`month`, `host_org_id`, `guest_org_id`, `held`)
    SELECT substr(new.date, 1, 7), new.org_id, new.guest_org_id, 1
    WHERE new.guest_org_id IS NOT NULL AND new.status in ('confirmed','no_show')
    ON CONFLICT DO UPDATE SET `held` = `held` + excluded.`held`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_insight_delete` AFTER DELETE ON `bookings` BEGIN
  INSERT INTO `insight_host_days` (`day`, `host_org_id`, `total`, `held`, `no_show`, `declined`, `expired`, `self_held`, `self_no_show`)
    SELECT old.date, old.org_id, -1, -(old.status in ('confirmed','no_show')), -(old.status = 'no_show'), -(old.status = 'declined'), -(old.status = 'expired'),
           -(old.guest_org_id = old.org_id and old.status in ('confirmed','no_show')), -(old.guest_org_id = old.org_id and old.status = 'no_show')
    WHERE old.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`, `self_held` = `self_held` + excluded.`self_held`,
      `self_no_show` = `self_no_show` + excluded.`self_no_show`;
  INSERT INTO `insight_guest_days` (`day`, `guest_org_id`, `total`, `held`, `no_show`, `declined`, `expired`)
    SELECT old.date, old.guest_org_id, -1, -(old.status in ('confirmed','no_show')), -(old.status = 'no_show'), -(old.status = 'declined'), -(old.status = 'expired')
    WHERE old.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`;
  INSERT INTO `insight_pair_months` (`month`, `host_org_id`, `guest_org_id`, `held`)
    SELECT substr(old.date, 1, 7), old.org_id, old.guest_org_id, -1
    WHERE old.guest_org_id IS NOT NULL AND old.status in ('confirmed','no_show')
    ON CONFLICT DO UPDATE SET `held` = `held` + excluded.`held`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_insight_update` AFTER UPDATE OF `date`, `org_id`, `guest_org_id`, `status` ON `bookings`
WHEN old.date IS NOT new.date OR old.org_id IS NOT new.org_id OR old.guest_org_id IS NOT new.guest_org_id OR old.status IS NOT new.status BEGIN
  INSERT INTO `insight_host_days` (`day`, `host_org_id`, `total`, `held`, `no_show`, `declined`, `expired`, `self_held`, `self_no_show`)
    SELECT old.date, old.org_id, -1, -(old.status in ('confirmed','no_show')), -(old.status = 'no_show'), -(old.status = 'declined'), -(old.status = 'expired'),
           -(old.guest_org_id = old.org_id and old.status in ('confirmed','no_show')), -(old.guest_org_id = old.org_id and old.status = 'no_show')
    WHERE old.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`, `self_held` = `self_held` + excluded.`self_held`,
      `self_no_show` = `self_no_show` + excluded.`self_no_show`;
  INSERT INTO `insight_guest_days` (`day`, `guest_org_id`, `total`, `held`, `no_show`, `declined`, `expired`)
    SELECT old.date, old.guest_org_id, -1, -(old.status in ('confirmed','no_show')), -(old.status = 'no_show'), -(old.status = 'declined'), -(old.status = 'expired')
    WHERE old.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`;
  INSERT INTO `insight_pair_months` (`month`, `host_org_id`, `guest_org_id`, `held`)
    SELECT substr(old.date, 1, 7), old.org_id, old.guest_org_id, -1
    WHERE old.guest_org_id IS NOT NULL AND old.status in ('confirmed','no_show')
    ON CONFLICT DO UPDATE SET `held` = `held` + excluded.`held`;
  INSERT INTO `insight_host_days` (`day`, `host_org_id`, `total`, `held`, `no_show`, `declined`, `expired`, `self_held`, `self_no_show`)
    SELECT new.date, new.org_id, 1, (new.status in ('confirmed','no_show')), (new.status = 'no_show'), (new.status = 'declined'), (new.status = 'expired'),
           (new.guest_org_id = new.org_id and new.status in ('confirmed','no_show')), (new.guest_org_id = new.org_id and new.status = 'no_show')
    WHERE new.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`, `self_held` = `self_held` + excluded.`self_held`,
      `self_no_show` = `self_no_show` + excluded.`self_no_show`;
  INSERT INTO `insight_guest_days` (`day`, `guest_org_id`, `total`, `held`, `no_show`, `declined`, `expired`)
    SELECT new.date, new.guest_org_id, 1, (new.status in ('confirmed','no_show')), (new.status = 'no_show'), (new.status = 'declined'), (new.status = 'expired')
    WHERE new.guest_org_id IS NOT NULL
    ON CONFLICT DO UPDATE SET `total` = `total` + excluded.`total`, `held` = `held` + excluded.`held`, `no_show` = `no_show` + excluded.`no_show`,
      `declined` = `declined` + excluded.`declined`, `expired` = `expired` + excluded.`expired`;
  INSERT INTO `insight_pair_months` (`month`, `host_org_id`, `guest_org_id`, `held`)
    SELECT substr(new.date, 1, 7), new.org_id, new.guest_org_id, 1
    WHERE new.guest_org_id IS NOT NULL AND new.status in ('confirmed','no_show')
    ON CONFLICT DO UPDATE SET `held` = `held` + excluded.`held`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_occupancy_insert` AFTER INSERT ON `bookings` WHEN new.status in ('confirmed','no_show','pending') BEGIN
  INSERT INTO `insight_location_months` (`month`, `location_id`, `weekday`, `morning`, `afternoon`)
    VALUES (substr(new.date, 1, 7), new.location_id, (cast(strftime('%w', new.date) as integer) + 6) % 7 + 1, (new.daypart = 'morning'), (new.daypart = 'afternoon'))
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
  INSERT INTO `insight_location_days` (`day`, `location_id`, `morning`, `afternoon`)
    VALUES (new.date, new.location_id, (new.daypart = 'morning'), (new.daypart = 'afternoon'))
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_occupancy_delete` AFTER DELETE ON `bookings` WHEN old.status in ('confirmed','no_show','pending') BEGIN
  INSERT INTO `insight_location_months` (`month`, `location_id`, `weekday`, `morning`, `afternoon`)
    VALUES (substr(old.date, 1, 7), old.location_id, (cast(strftime('%w', old.date) as integer) + 6) % 7 + 1, -(old.daypart = 'morning'), -(old.daypart = 'afternoon'))
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
  INSERT INTO `insight_location_days` (`day`, `location_id`, `morning`, `afternoon`)
    VALUES (old.date, old.location_id, -(old.daypart = 'morning'), -(old.daypart = 'afternoon'))
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_occupancy_update` AFTER UPDATE OF `date`, `location_id`, `daypart`, `status` ON `bookings`
WHEN (old.status in ('confirmed','no_show','pending')) IS NOT (new.status in ('confirmed','no_show','pending'))
  OR (old.status in ('confirmed','no_show','pending') AND (old.date IS NOT new.date OR old.location_id IS NOT new.location_id OR old.daypart IS NOT new.daypart)) BEGIN
  INSERT INTO `insight_location_months` (`month`, `location_id`, `weekday`, `morning`, `afternoon`)
    SELECT substr(old.date, 1, 7), old.location_id, (cast(strftime('%w', old.date) as integer) + 6) % 7 + 1, -(old.daypart = 'morning'), -(old.daypart = 'afternoon')
    WHERE old.status in ('confirmed','no_show','pending')
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
  INSERT INTO `insight_location_days` (`day`, `location_id`, `morning`, `afternoon`)
    SELECT old.date, old.location_id, -(old.daypart = 'morning'), -(old.daypart = 'afternoon')
    WHERE old.status in ('confirmed','no_show','pending')
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
  INSERT INTO `insight_location_months` (`month`, `location_id`, `weekday`, `morning`, `afternoon`)
    SELECT substr(new.date, 1, 7), new.location_id, (cast(strftime('%w', new.date) as integer) + 6) % 7 + 1, (new.daypart = 'morning'), (new.daypart = 'afternoon')
    WHERE new.status in ('confirmed','no_show','pending')
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
  INSERT INTO `insight_location_days` (`day`, `location_id`, `morning`, `afternoon`)
    SELECT new.date, new.location_id, (new.daypart = 'morning'), (new.daypart = 'afternoon')
    WHERE new.status in ('confirmed','no_show','pending')
    ON CONFLICT DO UPDATE SET `morning` = `morning` + excluded.`morning`, `afternoon` = `afternoon` + excluded.`afternoon`;
END;
