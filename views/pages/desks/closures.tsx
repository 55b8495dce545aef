import type { Dict, Locale } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import type { HolidayKey } from '../../../src/desks/holidays';
import type { ClosureEffect } from '../../../src/desks/reach';
import { ConfirmForm } from '../../partials/confirm';
import { CheckboxGroup, ErrorSummary, Field, type FormState } from '../../partials/form';
import { holidayOptions } from './host';

type Closure = { id: number; startDate: string; endDate: string; reason: string };

export function ChooseClosuresPage(p: { t: Dict; orgs: { orgId: number; orgName: string }[]; network: boolean }) {
  const t = p.t.closures;
  return (
    <section>
      <h1>{t.nav}</h1>
      <ul>
        {p.orgs.map((o) => (
          <li>
            <a href={`/closures/org/${o.orgId}`}>{t.title(o.orgName)}</a>
          </li>
        ))}
        {p.network && (
          <li>
            <a href="/closures/network">{t.networkTitle}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

function ClosureList(p: { t: Dict; locale: Locale; closures: Closure[]; base: string }) {
  const t = p.t.closures;
  if (p.closures.length === 0) return <p>{t.none}</p>;
  return (
    <ul class="closures">
      {p.closures.map((c) => (
        <li>
          {formatLocalDate(p.locale, c.startDate, true)}
          {c.endDate !== c.startDate && ` – ${formatLocalDate(p.locale, c.endDate, true)}`}: {c.reason}
          <form method="post" action={`${p.base}/${c.id}/delete`} class="inline">
            <button type="submit" class="secondary small">
              {t.delete}
              <span class="visually-hidden">{`: ${c.reason}`}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

function ClosureForm(p: { t: Dict; state: FormState; action: string }) {
  const t = p.t.closures;
  return (
    <>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} idPrefix="closure" />
      <form method="post" action={p.action} novalidate>
        <div class="grid">
          <Field state={p.state} name="startDate" label={t.startDate} type="date" required idPrefix="closure" />
          <Field state={p.state} name="endDate" label={t.endDate} type="date" required idPrefix="closure" />
        </div>
        <Field state={p.state} name="reason" label={t.reason} required maxlength={200} hint={t.reasonHint} idPrefix="closure" />
        <button type="submit">{t.next}</button>
      </form>
    </>
  );
}

export type HolidayRow = { date: string; keys: HolidayKey[]; closed: boolean };

export function OrgClosuresPage(p: {
  t: Dict;
  locale: Locale;
  org: { id: number; name: string };
  holidaysState: FormState;
  upcoming: { year: number; rows: HolidayRow[] }[];
  closures: Closure[];
  closureState: FormState;
}) {
  const t = p.t.closures;
  const base = `/closures/org/${p.org.id}`;
  return (
    <section>
      <h1>{t.title(p.org.name)}</h1>
      <h2 id="closures">{t.closuresTitle}</h2>
      <ClosureList t={p.t} locale={p.locale} closures={p.closures} base={base} />
      <h3>{t.add}</h3>
      <ClosureForm t={p.t} state={p.closureState} action={base} />
      <h2 id="holidays">{t.holidaysTitle}</h2>
      <p>{t.holidaysIntro}</p>
      <ErrorSummary state={p.holidaysState} title={p.t.form.errorSummary} labels={{ closedHolidays: t.holidaysLegend }} />
      <form method="post" action={`${base}/holidays`} novalidate>
        <CheckboxGroup state={p.holidaysState} name="closedHolidays" legend={t.holidaysLegend} options={holidayOptions(p.t)} />
        <button type="submit">{t.holidaysSave}</button>
      </form>
      {p.upcoming.map((y) => (
        <>
          <h3>{t.upcoming(y.year)}</h3>
          <ul class="holidays">
            {y.rows.map((r) => (
              <li>
                {formatLocalDate(p.locale, r.date, true)}: {[...new Set(r.keys.map((k) => t.holidays[k]))].join(', ')} — {r.closed ? t.closedWord : t.openWord}
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

export function NetworkClosuresPage(p: { t: Dict; locale: Locale; closures: Closure[]; closureState: FormState }) {
  const t = p.t.closures;
  return (
    <section>
      <h1>{t.networkTitle}</h1>
      <h2 id="closures">{t.networkClosuresTitle}</h2>
      <ClosureList t={p.t} locale={p.locale} closures={p.closures} base="/closures/network" />
      <h3>{t.add}</h3>
      <ClosureForm t={p.t} state={p.closureState} action="/closures/network" />
    </section>
  );
}

/** What a closure or holiday choice cancels, and the meetings it does not cancel (the host tells their facilitators). */
function ClosureEffectText(p: { t: Dict; effect: ClosureEffect }) {
  const t = p.t.closures;
  return (
    <div role="status">
      <p>
        <strong>{t.willCancel(p.effect)}</strong>
      </p>
      {p.effect.meetings > 0 && <p>{t.meetingsNote(p.effect.meetings)}</p>}
    </div>
  );
}

/** The destructive step, shown before it is taken: what closes, what it cancels (bookings, consult hours), and the meetings it leaves. */
export function ConfirmClosurePage(p: {
  t: Dict;
  locale: Locale;
  action: string;
  back: string;
  scope: string;
  /** `spaceId`: a location's closure of one space ('' or absent: the whole location, or a wide closure). */
  input: { startDate: string; endDate: string; reason: string; spaceId?: number | null };
  effect: ClosureEffect;
}) {
  const t = p.t.closures;
  const i = p.input;
  return (
    <section>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmText(i.reason, t.days(formatLocalDate(p.locale, i.startDate, true), formatLocalDate(p.locale, i.endDate, true)), p.scope)}</p>
      <ClosureEffectText t={p.t} effect={p.effect} />
      <ConfirmForm action={p.action} submit={t.confirm} back={p.back} backLabel={t.back}>
        <input type="hidden" name="startDate" value={i.startDate} />
        <input type="hidden" name="endDate" value={i.endDate} />
        <input type="hidden" name="reason" value={i.reason} />
        {i.spaceId != null && <input type="hidden" name="spaceId" value={String(i.spaceId)} />}
      </ConfirmForm>
    </section>
  );
}

/**
 * Confirms a holiday choice that cancels bookings: the same form again, its values hidden, with
 * `confirm=yes`, so nothing typed is lost and nothing is cancelled without a second click.
 */
export function ConfirmHolidayChangePage(p: {
  t: Dict;
  action: string;
  back: string;
  values: Record<string, string | string[]>;
  effect: ClosureEffect;
  /** A location's form asks about closed days in general (opening days and holidays). */
  title?: string;
  text?: string;
}) {
  const t = p.t.closures;
  const hidden = Object.entries(p.values)
    .filter(([k]) => k !== 'confirm')
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((value) => <input type="hidden" name={k} value={value} />));
  return (
    <section>
      <h1>{p.title ?? t.holidayConfirmTitle}</h1>
      <p>{p.text ?? t.holidayConfirmText}</p>
      <ClosureEffectText t={p.t} effect={p.effect} />
      <ConfirmForm action={p.action} submit={t.holidayConfirm} back={p.back} backLabel={t.back}>
        {hidden}
      </ConfirmForm>
    </section>
  );
}

/**
 * Removing a closure, shown before it is taken: which days open again, where, and that the
 * bookings it cancelled do not come back. The same page for a location's, an organisation's and
 * the network's closures; only `confirm=yes` removes.
 */
export function ConfirmRemoveClosurePage(p: { t: Dict; locale: Locale; action: string; back: string; where: string; closure: Closure }) {
  const t = p.t.closures;
  const c = p.closure;
  const days = t.days(formatLocalDate(p.locale, c.startDate, true), formatLocalDate(p.locale, c.endDate, true));
  return (
    <section>
      <h1>{t.removeTitle}</h1>
      <p>{t.removeWhat(c.reason, days, p.where)}</p>
      <p>{t.removeEffect}</p>
      <ConfirmForm action={p.action} submit={t.removeConfirm} back={p.back} backLabel={t.back} />
    </section>
  );
}
