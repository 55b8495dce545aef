-- Occupancy rollups (ADR 015, issue #18): desk-dagdelen taken (confirmed, no-show, pending) per
-- month, location and ISO weekday, and per day and location, kept exact by triggers on bookings in
-- the same transaction as every insert, update or delete, whatever code path makes it; then filled
-- from the bookings there are. A write of a booking that takes no place does nothing; an update
-- only when it changes whether or where (day, location, dagdeel) the booking takes a place.
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
--> statement-breakpoint
INSERT INTO `insight_location_months` (`month`, `location_id`, `weekday`, `morning`, `afternoon`)
SELECT substr(date, 1, 7), location_id, (cast(strftime('%w', date) as integer) + 6) % 7 + 1, sum(daypart = 'morning'), sum(daypart = 'afternoon')
FROM bookings WHERE status in ('confirmed','no_show','pending') GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `insight_location_days` (`day`, `location_id`, `morning`, `afternoon`)
SELECT date, location_id, sum(daypart = 'morning'), sum(daypart = 'afternoon')
FROM bookings WHERE status in ('confirmed','no_show','pending') GROUP BY date, location_id;
