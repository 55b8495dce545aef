-- Inzicht rollups (ADR 015, issue #18): kept exact by triggers on bookings, in the same transaction as
-- every insert, update or delete of a booking, whatever code path makes it; then filled from the
-- bookings there are. A delete or the old side of an update subtracts what the row added.
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
INSERT INTO `insight_host_days` (`day`, `host_org_id`, `total`, `held`, `no_show`, `declined`, `expired`, `self_held`, `self_no_show`)
SELECT date, org_id, count(*), sum(status in ('confirmed','no_show')), sum(status = 'no_show'), sum(status = 'declined'), sum(status = 'expired'),
       sum(guest_org_id = org_id and status in ('confirmed','no_show')), sum(guest_org_id = org_id and status = 'no_show')
FROM bookings WHERE guest_org_id IS NOT NULL GROUP BY date, org_id;
--> statement-breakpoint
INSERT INTO `insight_guest_days` (`day`, `guest_org_id`, `total`, `held`, `no_show`, `declined`, `expired`)
SELECT date, guest_org_id, count(*), sum(status in ('confirmed','no_show')), sum(status = 'no_show'), sum(status = 'declined'), sum(status = 'expired')
FROM bookings WHERE guest_org_id IS NOT NULL GROUP BY date, guest_org_id;
--> statement-breakpoint
INSERT INTO `insight_pair_months` (`month`, `host_org_id`, `guest_org_id`, `held`)
SELECT substr(date, 1, 7), org_id, guest_org_id, count(*)
FROM bookings WHERE guest_org_id IS NOT NULL AND status in ('confirmed','no_show') GROUP BY substr(date, 1, 7), org_id, guest_org_id;
