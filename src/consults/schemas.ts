import { z } from 'zod';
import { fields, parseId, perDict } from '../lib/forms';
import { isValidLocalDate, isValidTime, wallClockInstant } from '../lib/time';
import type { Dict } from '../../views/i18n';

/** Form schemas of consult hours, built once per language. */

const int = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

/**
 * Booking a slot: the slot, an expertise tag and the tick "geen cliëntgegevens". Nothing else is
 * read, so no free text can reach the database. An absent or unknown tag and a missing tick are
 * the domain's refusals (`no_tag`, `not_confirmed`), with their own messages.
 */
export const bookConsultSchema = perDict((t: Dict) =>
  z.object({
    slot: int(t.consults.refusals.slot, 0, 15),
    tagId: z
      .string()
      .optional()
      .transform((v) => parseId(v?.trim())),
    noClientData: fields.checkbox(),
  }),
);

/** Publishing consult hours: a location id or 'online' (then an https link), date, start, slots. */
export const publishSchema = perDict((t: Dict) => {
  const p = t.consults.publish;
  return z
    .object({
      place: z
        .string({ error: p.invalidPlace })
        .trim()
        .refine((v) => v === 'online' || parseId(v) !== null, p.invalidPlace),
      onlineUrl: fields.optionalText(t, 500),
      date: z
        .string({ error: p.invalidDate })
        .trim()
        .refine((s) => isValidLocalDate(s), p.invalidDate),
      startTime: z
        .string({ error: p.invalidTime })
        .trim()
        .refine((s) => isValidTime(s), p.invalidTime),
      slots: int(p.invalidSlots, 1, 16),
      slotMinutes: int(p.invalidMinutes, 10, 120),
    })
    .superRefine((v, ctx) => {
      const at = isValidLocalDate(v.date) && isValidTime(v.startTime) ? wallClockInstant(v.date, v.startTime) : null;
      if (at && !at.ok) ctx.addIssue({ code: 'custom', path: ['startTime'], message: t.errors.noSuchTime(v.date, at.gap.from, at.gap.to) });
      if (v.place !== 'online') return;
      let ok = false;
      try {
        const u = new URL(v.onlineUrl ?? '');
        ok = u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: p.invalidUrl });
    })
    .transform((v) => ({
      locationId: v.place === 'online' ? null : parseId(v.place),
      onlineUrl: v.place === 'online' ? v.onlineUrl : null,
      date: v.date,
      startTime: v.startTime,
      slots: v.slots,
      slotMinutes: v.slotMinutes,
    }));
});

/** The list's filter: a town, or 'online'. */
export const listSchema = perDict(() =>
  z.object({
    town: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim().slice(0, 100) : null)),
    /** The first day of the two weeks shown; anything that is not a date means today. */
    from: z
      .string()
      .optional()
      .transform((v) => (v && isValidLocalDate(v.trim()) ? v.trim() : null)),
  }),
);
