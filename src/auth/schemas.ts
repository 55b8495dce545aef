import { z } from 'zod';
import type { Dict } from '../../views/i18n';
import { fields, perDict } from '../lib/forms';
import { safeRedirectPath } from '../lib/security';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

export const loginSchema = perDict((t: Dict) =>
  z.object({
    email: fields.email(t),
    // Optional: an address of an organisation with SSO goes to its provider without one (ADR 018).
    password: z.string({ error: t.errors.formInvalid }).max(PASSWORD_MAX, t.auth.password.tooLong).optional(),
    next: z.string().optional(),
  }),
);

const newPassword = (t: Dict) => z.string({ error: t.errors.required }).min(PASSWORD_MIN, t.auth.password.tooShort).max(PASSWORD_MAX, t.auth.password.tooLong);

export const newPasswordSchema = perDict((t: Dict) =>
  z
    .object({ password: newPassword(t), passwordConfirm: z.string({ error: t.errors.required }) })
    .refine((v) => v.password === v.passwordConfirm, { message: t.auth.password.mismatch, path: ['passwordConfirm'] }),
);

export const acceptInviteSchema = perDict((t: Dict) =>
  z
    .object({ name: fields.text(t, 120), password: newPassword(t), passwordConfirm: z.string({ error: t.errors.required }) })
    .refine((v) => v.password === v.passwordConfirm, { message: t.auth.password.mismatch, path: ['passwordConfirm'] }),
);

export const changePasswordSchema = perDict((t: Dict) =>
  z
    .object({
      currentPassword: z.string({ error: t.errors.required }).min(1, t.errors.required).max(PASSWORD_MAX),
      password: newPassword(t),
      passwordConfirm: z.string({ error: t.errors.required }),
    })
    .refine((v) => v.password === v.passwordConfirm, { message: t.auth.password.mismatch, path: ['passwordConfirm'] }),
);

export const forgotSchema = perDict((t: Dict) => z.object({ email: fields.email(t) }));

export const localeSchema = z.object({ locale: z.enum(['nl', 'en']), next: z.string().optional() });

/** Only paths on our own origin are followed after login or a language switch (no open redirect; ADR 008). */
export function safeNext(next: string | undefined, origin: string): string {
  return safeRedirectPath(next, origin);
}
