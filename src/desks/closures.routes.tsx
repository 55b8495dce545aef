import { Hono } from 'hono';
import { can, requireUser } from '../auth/middleware';
import { getOrganisation, orgsWithRole } from '../orgs/orgs';
import { confirmSchema, parseId, readForm } from '../lib/forms';
import { forbidden, notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import {
  ChooseClosuresPage,
  ConfirmClosurePage,
  ConfirmHolidayChangePage,
  ConfirmRemoveClosurePage,
  NetworkClosuresPage,
  OrgClosuresPage,
} from '../../views/pages/desks/closures';
import type { FormState } from '../../views/partials/form';
import {
  addWideClosure,
  countAffected,
  deleteWideClosure,
  getWideClosure,
  holidayEffect,
  listWideClosures,
  orgHolidaySet,
  setOrgHolidays,
  type WideScope,
} from './closures';
import { closedHolidaySet, formatHolidaySet, holidaysIn } from './holidays';
import { needsConfirmation } from './reach';
import { holidaysSchema, wideClosureSchema } from './schemas';
import { today } from './context';

/**
 * /closures: public holidays and closures of every location of an organisation (its org admins)
 * or of the whole network (network admins). Another organisation's id is a 404, as for hosts.
 */
export const closuresRoutes = new Hono<AppEnv>();

closuresRoutes.use('*', requireUser);

/** The organisation in the path, when the user is its org admin; else undefined (→ 404). */
function adminOrg(c: Ctx) {
  const orgId = parseId(c.req.param('orgId'));
  if (!orgId || !can(c, orgId, 'org_admin')) return undefined;
  return getOrganisation(c.get('deps').db, orgId);
}

closuresRoutes.get('/', (c) => {
  const orgs = orgsWithRole(c.get('memberships'), 'org_admin');
  const network = c.get('user')!.isNetworkAdmin;
  if (orgs.length === 0 && !network) return forbidden(c);
  if (orgs.length === 1 && !network) return c.redirect(`/closures/org/${orgs[0]!.orgId}`, 303);
  return page(c, c.get('t').closures.nav, <ChooseClosuresPage t={c.get('t')} orgs={orgs} network={network} />);
});

function orgPage(c: Ctx, org: { id: number; name: string }, states: { holidaysState?: FormState; closureState?: FormState } = {}, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const stored = orgHolidaySet(db, org.id);
  const closed = closedHolidaySet(null, stored);
  const year = Number(today(c).slice(0, 4));
  const upcoming = [year, year + 1].map((y) => ({
    year: y,
    rows: holidaysIn(y).map(([date, keys]) => ({ date, keys, closed: keys.some((k) => closed.includes(k)) })),
  }));
  return page(
    c,
    c.get('t').closures.title(org.name),
    <OrgClosuresPage
      t={c.get('t')}
      locale={c.get('locale')}
      org={org}
      holidaysState={states.holidaysState ?? { values: { closedHolidays: [...closed] } }}
      upcoming={upcoming}
      closures={listWideClosures(db, { scope: 'org', orgId: org.id }, today(c))}
      closureState={states.closureState ?? {}}
    />,
    status,
  );
}

function networkPage(c: Ctx, closureState: FormState = {}, status: 200 | 422 = 200) {
  return page(
    c,
    c.get('t').closures.networkTitle,
    <NetworkClosuresPage
      t={c.get('t')}
      locale={c.get('locale')}
      closures={listWideClosures(c.get('deps').db, { scope: 'network', orgId: null }, today(c))}
      closureState={closureState}
    />,
    status,
  );
}

closuresRoutes.get('/org/:orgId', (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  return orgPage(c, org);
});

closuresRoutes.post('/org/:orgId/holidays', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  const form = await readForm(c, holidaysSchema(c.get('t')));
  if (!form.ok) return orgPage(c, org, { holidaysState: form }, 422);
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const back = `/closures/org/${org.id}`;
  // Closing more holidays cancels bookings and consult hours on them: that takes a second, confirming click.
  if (form.data.confirm !== 'yes') {
    const effect = holidayEffect(db, { orgId: org.id }, formatHolidaySet(form.data.closedHolidays), today(c), now());
    if (needsConfirmation(effect))
      return page(
        c,
        t.closures.holidayConfirmTitle,
        <ConfirmHolidayChangePage t={t} action={`${back}/holidays`} back={back} values={form.values} effect={effect} />,
      );
  }
  const r = setOrgHolidays(db, org.id, form.data.closedHolidays, today(c), now(), c.get('config').baseUrl);
  return redirectWithFlash(c, `${back}#holidays`, needsConfirmation(r) ? t.closures.holidaysSavedCancelled(r) : t.closures.holidaysSaved);
});

/**
 * Closing is destructive (it cancels bookings and consult hours), so it takes two steps: the form
 * shows what will be cancelled, and only the confirmation (`confirm=yes`) closes.
 */
async function closeWide(c: Ctx, s: WideScope, back: string, scopeText: string, again: (state: FormState) => Response | Promise<Response>) {
  const t = c.get('t');
  const form = await readForm(c, wideClosureSchema(t, today(c)));
  if (!form.ok) return again(form);
  const { confirm, ...input } = form.data;
  const { db, now } = c.get('deps');
  if (confirm !== 'yes')
    return page(
      c,
      t.closures.confirmTitle,
      <ConfirmClosurePage
        t={t}
        locale={c.get('locale')}
        action={back}
        back={back}
        scope={scopeText}
        input={input}
        effect={countAffected(db, s, input, now())}
      />,
    );
  const r = addWideClosure(db, s, input, now(), c.get('config').baseUrl);
  return redirectWithFlash(c, `${back}#closures`, t.closures.added(r));
}

closuresRoutes.post('/org/:orgId', async (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  return closeWide(c, { scope: 'org', orgId: org.id }, `/closures/org/${org.id}`, c.get('t').closures.scopeOrg(org.name), (state) =>
    orgPage(c, org, { closureState: state }, 422),
  );
});

/**
 * Removing a closure opens the locations again but does not bring back what it cancelled, so it
 * takes two steps as closing does: the first POST shows what opens, only `confirm=yes` removes.
 */
async function removeWide(c: Ctx, s: WideScope, closureId: number | null, back: string, where: string) {
  const { db } = c.get('deps');
  const t = c.get('t').closures;
  const closure = closureId ? getWideClosure(db, closureId, s) : undefined;
  if (!closure) return notFound(c);
  const form = await readForm(c, confirmSchema(c.get('t')));
  if (!form.ok || !form.data.confirm)
    return page(
      c,
      t.removeTitle,
      <ConfirmRemoveClosurePage
        t={c.get('t')}
        locale={c.get('locale')}
        action={`${back}/${closure.id}/delete`}
        back={`${back}#closures`}
        where={where}
        closure={closure}
      />,
    );
  if (!deleteWideClosure(db, closure.id, s)) return notFound(c);
  return redirectWithFlash(c, `${back}#closures`, t.deleted);
}

closuresRoutes.post('/org/:orgId/:closureId/delete', (c) => {
  const org = adminOrg(c);
  if (!org) return notFound(c);
  return removeWide(c, { scope: 'org', orgId: org.id }, parseId(c.req.param('closureId')), `/closures/org/${org.id}`, c.get('t').closures.byOrg(org.name));
});

closuresRoutes.get('/network', (c) => {
  if (!c.get('user')!.isNetworkAdmin) return forbidden(c);
  return networkPage(c);
});

closuresRoutes.post('/network', async (c) => {
  if (!c.get('user')!.isNetworkAdmin) return forbidden(c);
  return closeWide(c, { scope: 'network', orgId: null }, '/closures/network', c.get('t').closures.scopeNetwork, (state) => networkPage(c, state, 422));
});

closuresRoutes.post('/network/:closureId/delete', (c) => {
  if (!c.get('user')!.isNetworkAdmin) return forbidden(c);
  return removeWide(c, { scope: 'network', orgId: null }, parseId(c.req.param('closureId')), '/closures/network', c.get('t').closures.byNetwork);
});
