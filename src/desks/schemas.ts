import { z } from 'zod';
import { AMENITIES, SHARE_PERIODS, SHARING, SPACE_KINDS } from '../../db/schema';
import { fields, parseId, perDict } from '../lib/forms';
import { isValidLocalDate, isValidTime } from '../lib/time';
import { HOLIDAY_KEYS } from './holidays';
import type { Dict } from '../../views/i18n';

/** Form schemas of the desks domain, built per request for the user's language. */

const date = (t: Dict) =>
  z
    .string({ error: t.errors.invalidDate })
    .trim()
    .refine((s) => isValidLocalDate(s), t.errors.invalidDate);

const many = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));

/** A whole number within bounds; "1e9", "-1", "3.5" and 10,000 digits are all refused with the same message. */
const int = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const optionalId = (t: Dict) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const id = parseId(v);
      if (id === null) ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
      return id;
    });

/** A colleague's user id to book for ('' or absent: oneself); whether it is a colleague is the booking's rule (`colleagueRefusal`). */
const forColleague = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.trim().slice(0, 64) : null));

const daypartOrWhole = (t: Dict) => z.enum(['morning', 'afternoon', 'whole'], { error: t.errors.invalidChoice });

export const searchSchema = perDict((t: Dict, today: string) =>
  z.object({
    date: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim() : today))
      .pipe(date(t)),
    daypart: z
      .string()
      .optional()
      .transform((v) => v || 'morning')
      .pipe(daypartOrWhole(t)),
    town: fields.optionalText(t, 80),
    amenities: many().pipe(z.array(z.enum(AMENITIES, { error: t.errors.invalidChoice })).max(AMENITIES.length)),
    /** Part of the host organisation's name. */
    host: fields.optionalText(t, 120),
    as: optionalId(t),
    for: forColleague(),
    /** A colleague by e-mail address, when the organisation is too big to list its people. */
    forEmail: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim().slice(0, 254) : null)),
  }),
);

/** The search form's values for the suggestions while one types (GET /desks/towns, /desks/hosts). */
export const suggestionSchema = perDict((t: Dict) => z.object({ town: fields.optionalText(t, 80), host: fields.optionalText(t, 120), as: optionalId(t) }));

/**
 * A search card's button sends the date and dagdeel as one value, `slot` ("2026-12-03 morning"),
 * instead of two hidden fields repeated on every card; the week view and scripts send `date` and
 * `daypart`. Either way the same fields are checked.
 */
const fromSlot = (v: unknown) => {
  if (typeof v !== 'object' || v === null || !('slot' in v) || typeof v.slot !== 'string') return v;
  const { slot, ...rest } = v as Record<string, unknown> & { slot: string };
  const [slotDate, slotDaypart] = slot.split(' ');
  return { date: slotDate, daypart: slotDaypart, ...rest };
};

export const bookSchema = perDict((t: Dict) =>
  z.preprocess(
    fromSlot,
    z.object({
      date: date(t),
      daypart: daypartOrWhole(t),
      note: fields.multiline(t, 280),
      as: optionalId(t),
      for: forColleague(),
      fragment: z.enum(['card', 'cell']).optional().catch(undefined),
    }),
  ),
);

export const seriesSchema = perDict((t: Dict) =>
  z.object({
    weekday: int(t.errors.invalidChoice, 1, 7),
    daypart: daypartOrWhole(t),
    weeks: int(t.desks.space.invalidSeriesWeeks, 1, 12),
    startDate: date(t),
    note: fields.multiline(t, 280),
    as: optionalId(t),
    for: forColleague(),
  }),
);

export const locationSchema = perDict((t: Dict) =>
  z
    .object({
      orgId: optionalId(t),
      name: fields.text(t, 120),
      street: fields.text(t, 120),
      postcode: fields.text(t, 12),
      town: fields.text(t, 80),
      accessibility: fields.multiline(t, 1000),
      openWeekdays: many()
        .pipe(z.array(int(t.errors.invalidChoice, 1, 7)))
        .refine((a) => a.length > 0, t.desks.host.chooseWeekday),
      guestInstructions: fields.multiline(t, 2000),
      houseRules: fields.multiline(t, 2000),
      contactPerson: fields.optionalText(t, 200),
      sharing: z.enum(SHARING, { error: t.errors.invalidChoice }),
      sharedOrgIds: many().pipe(
        z.array(
          z.string().transform((v, ctx) => {
            const id = parseId(v);
            if (id !== null && id !== undefined) return id;
            ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
            return z.NEVER;
          }),
        ),
      ),
      approvalRequired: fields.checkbox(),
      horizonWeeks: int(t.desks.host.invalidHorizon, 1, 52),
      checkinDeadlineMorning: z.string({ error: t.desks.host.invalidTime }).trim().refine(isValidTime, t.desks.host.invalidTime),
      checkinDeadlineAfternoon: z.string({ error: t.desks.host.invalidTime }).trim().refine(isValidTime, t.desks.host.invalidTime),
      holidayMode: z.enum(['inherit', 'own'], { error: t.errors.invalidChoice }).optional().default('inherit'),
      /** Set by the confirmation step, shown when a new holiday choice cancels bookings. */
      confirm: z.literal('yes').optional().catch(undefined),
      closedHolidays: many().pipe(z.array(z.enum(HOLIDAY_KEYS, { error: t.errors.invalidChoice })).max(HOLIDAY_KEYS.length)),
      requestDeadlineDays: z
        .string()
        .optional()
        .transform((v) => v ?? '1')
        .pipe(int(t.requests.invalidDays, 0, 10)),
      requestDeadlineTime: z
        .string()
        .optional()
        .transform((v) => (v ?? '16:00').trim())
        .refine(isValidTime, t.desks.host.invalidTime),
      // Older forms (and tests) without the fair-share fields keep the defaults: no limit, nothing held back.
      guestShareMax: z
        .string()
        .optional()
        .transform((v) => (v ?? '').trim())
        .pipe(z.union([z.literal('').transform(() => null), int(t.desks.share.invalidMax, 1, 100)])),
      guestSharePer: z.enum(SHARE_PERIODS, { error: t.errors.invalidChoice }).optional().default('day'),
      reservedForStaff: z
        .string()
        .optional()
        .transform((v) => v ?? '0')
        .pipe(int(t.desks.share.invalidReserved, 0, 500)),
      reservedUntilHours: z
        .string()
        .optional()
        .transform((v) => v ?? '24')
        .pipe(int(t.desks.share.invalidHours, 0, 336)),
    })
    .superRefine((v, ctx) => {
      if (v.sharing === 'list' && v.sharedOrgIds.length === 0) ctx.addIssue({ code: 'custom', path: ['sharedOrgIds'], message: t.desks.host.chooseOrg });
    }),
);

export const spaceSchema = perDict((t: Dict) =>
  z.object({
    name: fields.text(t, 120),
    kind: z.enum(SPACE_KINDS, { error: t.errors.invalidChoice }),
    capacity: int(t.desks.host.invalidCapacity, 1, 500),
    amenities: many().pipe(z.array(z.enum(AMENITIES, { error: t.errors.invalidChoice })).max(AMENITIES.length)),
    active: fields.checkbox(),
  }),
);

/**
 * A location's closure: from today on (a closure in the past would cancel bookings already used),
 * and `confirm=yes` once the host has seen how many bookings it cancels.
 */
export const closureSchema = perDict((t: Dict, today: string) =>
  z
    .object({
      spaceId: optionalId(t),
      startDate: date(t),
      endDate: date(t),
      reason: fields.text(t, 200),
      confirm: z.literal('yes').optional().catch(undefined),
    })
    .superRefine((v, ctx) => {
      if (v.startDate < today) ctx.addIssue({ code: 'custom', path: ['startDate'], message: t.desks.refusals.past });
      if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: t.desks.host.endBeforeStart });
    }),
);

export const guestListSchema = perDict((t: Dict, today: string) =>
  z.object({
    location: optionalId(t),
    date: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim() : today))
      .pipe(date(t)),
  }),
);

const holidayKeys = (t: Dict) => many().pipe(z.array(z.enum(HOLIDAY_KEYS, { error: t.errors.invalidChoice })).max(HOLIDAY_KEYS.length));

/** `confirm` is set by the confirmation step, shown when the new choice cancels bookings. */
export const holidaysSchema = perDict((t: Dict) => z.object({ closedHolidays: holidayKeys(t), confirm: z.literal('yes').optional().catch(undefined) }));

/** A closure of every location of an organisation or of the network; `confirm` is set by the confirmation step. */
export const wideClosureSchema = perDict((t: Dict, today: string) =>
  z
    .object({
      startDate: date(t),
      endDate: date(t),
      reason: fields.text(t, 200),
      confirm: z.literal('yes').optional().catch(undefined),
    })
    .superRefine((v, ctx) => {
      if (v.startDate < today) ctx.addIssue({ code: 'custom', path: ['startDate'], message: t.desks.refusals.past });
      if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: t.desks.host.endBeforeStart });
    }),
);

/** A visitor without an account registered by a host: name and organisation, a space and a dagdeel of today. */
export const visitorSchema = perDict((t: Dict) =>
  z.object({
    name: fields.text(t, 120),
    organisation: fields.text(t, 120),
    space: z.string({ error: t.errors.invalidChoice }).transform((v, ctx) => {
      const id = parseId(v);
      if (id) return id;
      ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
      return z.NEVER;
    }),
    daypart: z.enum(['morning', 'afternoon'], { error: t.errors.invalidChoice }),
  }),
);

/** A walk-in registered by a host: an account holder of a partner organisation, a space and a dagdeel of today. */
export const walkInSchema = perDict((t: Dict) =>
  z.object({
    user: z.string({ error: t.errors.invalidChoice }).trim().min(1, t.errors.invalidChoice).max(64, t.errors.invalidChoice),
    org: z.string({ error: t.errors.invalidChoice }).transform((v, ctx) => {
      const id = parseId(v);
      if (id) return id;
      ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
      return z.NEVER;
    }),
    space: z.string({ error: t.errors.invalidChoice }).transform((v, ctx) => {
      const id = parseId(v);
      if (id) return id;
      ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
      return z.NEVER;
    }),
    daypart: z.enum(['morning', 'afternoon'], { error: t.errors.invalidChoice }),
  }),
);
