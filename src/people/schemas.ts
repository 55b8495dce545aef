import { z } from 'zod';
import { DISCIPLINES } from '../../db/schema';
import type { Dict } from '../../views/i18n';
import { fields, perDict } from '../lib/forms';
import { isValidLocalDate } from '../lib/time';

/** A tag id from a checkbox value; anything else is refused with the tag message. */
const tagIds = (t: Dict) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[1-9][0-9]{0,9}$/, t.people.profile.badTag)
            .transform(Number),
        )
        .max(50, t.people.profile.badTag),
    );

/** "Mijn profiel voor collega's": every field optional; the "ask me about" line is one line of at most 140. */
export const profileSchema = perDict((t: Dict) =>
  z.object({
    visible: fields.checkbox(),
    showPresence: fields.checkbox(),
    discipline: z
      .union([z.literal(''), z.enum(DISCIPLINES, { error: t.errors.invalidChoice })])
      .optional()
      .transform((v) => (v ? v : null)),
    about: fields.optionalText(t, 140),
    tags: tagIds(t),
  }),
);

export const tagSchema = perDict((t: Dict) => z.object({ name: fields.text(t, 60) }));

/** "Waar is een deskundige?": a date and `d:<discipline>` or `t:<tag id>`. */
export const whereSchema = perDict((t: Dict) =>
  z.object({
    date: z.string({ error: t.errors.required }).refine(isValidLocalDate, t.errors.invalidDate),
    what: z
      .string({ error: t.errors.required })
      .min(1, t.errors.required)
      .transform((v, ctx) => {
        const d = /^d:(.+)$/.exec(v);
        if (d && (DISCIPLINES as readonly string[]).includes(d[1]!)) return { discipline: d[1] as (typeof DISCIPLINES)[number] };
        const tag = /^t:([1-9][0-9]{0,9})$/.exec(v);
        if (tag) return { tagId: Number(tag[1]) };
        ctx.addIssue({ code: 'custom', message: t.errors.invalidChoice });
        return z.NEVER;
      }),
  }),
);
