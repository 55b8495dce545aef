import { Hono } from 'hono';
import { z } from 'zod';
import { changePassword, getUser } from '../auth/accounts';
import { requireUser } from '../auth/middleware';
import { hashPassword, verifyPassword } from '../auth/password';
import { changePasswordSchema } from '../auth/schemas';
import { hasFeed, renewFeedToken, revokeFeed } from '../calendar/feeds';
import { fields, readForm } from '../lib/forms';
import { page, redirectWithFlash, type Ctx } from '../lib/render';
import { setEmailPreferences } from '../notifications/notify';
import { logRead } from '../privacy/context';
import { exportPersonalData } from '../privacy/export';
import { deleteAccount, deletionPreview } from '../privacy/deletion';
import { DeleteAccountPage } from '../../views/pages/privacy/delete-account';
import type { FormState } from '../../views/partials/form';
import type { AppEnv } from '../types';
import { AccountPage } from '../../views/pages/account';

/**
 * /account: "Mijn account", one page with what a person sets for themselves: password, reminder
 * mails, the private calendar feed, and the download of their own data.
 */
export const accountRoutes = new Hono<AppEnv>();

accountRoutes.use('*', requireUser);

/** The account page; `feedUrl` is the new feed link, shown once, right after it was made. */
function accountPage(c: Ctx, opts: { errors?: Record<string, string>; feedUrl?: string } = {}) {
  const { db } = c.get('deps');
  const user = getUser(db, c.get('user')!.id)!;
  return page(
    c,
    c.get('t').auth.account.title,
    <AccountPage
      t={c.get('t')}
      locale={c.get('locale')}
      user={user}
      memberships={c.get('memberships')}
      state={opts.errors ? { errors: opts.errors } : {}}
      feed={{ active: opts.feedUrl !== undefined || hasFeed(db, user.id), url: opts.feedUrl ?? null }}
    />,
    opts.errors ? 422 : 200,
  );
}

accountRoutes.get('/', (c) => accountPage(c));

accountRoutes.post('/password', async (c) => {
  const { db } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, changePasswordSchema(t));
  if (!form.ok) return accountPage(c, { errors: form.errors });
  const me = getUser(db, c.get('user')!.id)!;
  const wrong = () => accountPage(c, { errors: { currentPassword: t.auth.account.wrongCurrent } });
  if (!me.passwordHash || !(await verifyPassword(me.passwordHash, form.data.currentPassword))) return wrong();
  // One transaction: the new hash only if the password is still the one just checked; open reset
  // links close and other sessions end with it.
  const changed = changePassword(
    db,
    { userId: me.id, checkedHash: me.passwordHash, newHash: await hashPassword(form.data.password), keepSessionId: c.get('sessionId')! },
    c.get('deps').now(),
  );
  if (changed === 'stale') return wrong();
  return redirectWithFlash(c, '/account', t.auth.account.passwordChanged);
});

accountRoutes.post('/preferences', async (c) => {
  const form = await readForm(c, z.object({ emailReminders: fields.checkbox(), emailConfirmations: fields.checkbox() }));
  if (!form.ok) return redirectWithFlash(c, '/account');
  setEmailPreferences(c.get('deps').db, c.get('user')!.id, { reminders: form.data.emailReminders, confirmations: form.data.emailConfirmations });
  return redirectWithFlash(c, '/account', c.get('t').notifications.preferencesSaved);
});

/** Makes (or replaces) the feed link and shows it once, on this response only. */
accountRoutes.post('/calendar-feed', (c) => {
  const token = renewFeedToken(c.get('deps').db, c.get('user')!.id);
  c.header('Referrer-Policy', 'no-referrer');
  return accountPage(c, { feedUrl: `${c.get('config').baseUrl}/calendar/${token}.ics` });
});

accountRoutes.post('/calendar-feed/revoke', (c) => {
  revokeFeed(c.get('deps').db, c.get('user')!.id);
  return redirectWithFlash(c, '/account', c.get('t').calendar.feed.revoked);
});

/** "Mijn gegevens": a JSON download of what is stored about the logged-in person, and only them. */
accountRoutes.get('/export.json', (c) => {
  const data = exportPersonalData(c.get('deps').db, c.get('user')!.id, c.get('deps').now(), c.get('config').baseUrl);
  logRead(c, { action: 'export', orgId: null, object: `user:${c.get('user')!.id}`, subjectIds: [c.get('user')!.id] });
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': 'attachment; filename="gastplek-mijn-gegevens.json"',
  });
});

/** "Mijn account verwijderen": first what will happen, then the password and a tick (issue #13). */
function deletePage(c: Ctx, state: FormState = {}, status: 200 | 409 | 422 = 200) {
  const { db, now } = c.get('deps');
  const me = c.get('user')!;
  const preview = deletionPreview(db, me.id, { self: true, id: me.id, name: me.name }, now());
  return page(
    c,
    c.get('t').rights.deleteTitle,
    <DeleteAccountPage t={c.get('t')} title={c.get('t').rights.deleteTitle} preview={preview} self action="/account/delete" back="/account" state={state} />,
    status,
  );
}

accountRoutes.get('/delete', (c) => deletePage(c));

accountRoutes.post('/delete', async (c) => {
  const { db, now, auth } = c.get('deps');
  const t = c.get('t');
  const form = await readForm(c, z.object({ password: z.string().optional(), understand: z.string().optional() }));
  const values = form.values;
  const errors: Record<string, string> = {};
  const me = getUser(db, c.get('user')!.id)!;
  const password = typeof values.password === 'string' ? values.password : '';
  if (!me.passwordHash || !(await verifyPassword(me.passwordHash, password))) errors.password = t.rights.wrongPassword;
  if (values.understand !== 'yes') errors.understand = t.rights.mustConfirm;
  // The tick comes back as it was sent; the password never does.
  if (Object.keys(errors).length > 0) return deletePage(c, { errors, values: { understand: values.understand === 'yes' ? 'yes' : '' } }, 422);
  const r = deleteAccount(db, me.id, { self: true, id: me.id, name: me.name }, now(), c.get('config').baseUrl);
  if (!r.ok) return deletePage(c, {}, 409);
  // Every session of the account ended in that transaction; this browser forgets its cookie too.
  c.header('Set-Cookie', auth.blankCookie(), { append: true });
  return redirectWithFlash(c, '/login', t.rights.done);
});
