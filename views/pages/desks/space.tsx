import type { Dict, Locale } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import type { ClosedRun, VisibleSpace } from '../../../src/desks/desks';
import type { SeriesResult } from '../../../src/desks/bookings';
import { ErrorSummary, Field, Select, TextArea, type FormState } from '../../partials/form';
import { AmenityList, closedName, SlotCell, type CellProps } from '../../partials/desks/cards';
import { NoticeLine, type Notice } from '../../partials/notice';
import type { ClosedReason } from '../../../src/desks/rules';
import { Instructions } from '../../partials/desks/bookings';

export type SpacePageProps = {
  t: Dict;
  locale: Locale;
  space: VisibleSpace;
  weekStart: string;
  prevWeek: string | null;
  nextWeek: string;
  days: { date: string; morning: CellProps; afternoon: CellProps }[];
  showInstructions: boolean;
  canBook: boolean;
  asOrg: number | null;
  seriesState: FormState;
  /** Colleagues the worker may book for (ADR 012); the chosen one's bookings are marked and every form carries them. */
  colleagues: { id: string; name: string }[];
  /** Too many colleagues to list: the choice is by e-mail address. */
  colleagueByEmail: boolean;
  forUser: { id: string; name: string } | null;
  /** The week asked for, kept when choosing a colleague. */
  week: string | null;
  /** Closed days up to the booking horizon, named, so the series form says beforehand what it will skip. */
  closedAhead: ClosedRun[];
  notice?: Notice | null;
};

export function SpacePage(p: SpacePageProps) {
  const t = p.t.desks;
  const s = p.space;
  const l = s.location;
  const q = (week: string) => `/desks/spaces/${s.id}?week=${week}${p.asOrg !== null ? `&as=${p.asOrg}` : ''}${p.forUser ? `&for=${p.forUser.id}` : ''}`;
  return (
    <section>
      <h1>{t.space.title(s.name, l.name)}</h1>
      <p>
        {t.kinds[s.kind]} · {t.space.capacity(s.capacity)} · {s.orgName}
      </p>
      <p>
        <strong>{t.space.address}:</strong> {l.street}, {l.postcode} {l.town}
      </p>
      {l.accessibility && (
        <p>
          <strong>{t.space.accessibility}:</strong> {l.accessibility}
        </p>
      )}
      <AmenityList t={p.t} mask={s.amenities} />
      {!p.canBook && <p>{t.space.ownSpace}</p>}
      {p.showInstructions && <Instructions t={p.t} guestInstructions={l.guestInstructions} houseRules={l.houseRules} contactPerson={l.contactPerson} />}
      <NoticeLine notice={p.notice} />
      {(p.colleagues.length > 0 || p.colleagueByEmail) && (
        <form method="get" action={`/desks/spaces/${s.id}`} class="for-whom">
          {p.asOrg !== null && <input type="hidden" name="as" value={String(p.asOrg)} />}
          {p.week && <input type="hidden" name="week" value={p.week} />}
          {p.colleagueByEmail ? (
            <>
              <label for="for-whom">{t.colleague.emailLabel}</label>
              <input id="for-whom" name="forEmail" type="email" maxlength={254} aria-describedby="for-whom-hint" />
              {p.forUser && <p>{t.colleague.forName(p.forUser.name)}</p>}
            </>
          ) : (
            <>
              <label for="for-whom">{t.colleague.label}</label>
              <select id="for-whom" name="for" aria-describedby="for-whom-hint">
                <option value="">{t.colleague.myself}</option>
                {p.colleagues.map((col) => (
                  <option value={col.id} selected={p.forUser?.id === col.id}>
                    {col.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <small id="for-whom-hint">{t.colleague.hint}</small>
          <button type="submit" class="secondary small">
            {t.colleague.choose}
          </button>
        </form>
      )}
      <h2>{t.space.weekOf(formatLocalDate(p.locale, p.weekStart, true))}</h2>
      <nav aria-label={t.search.week} class="week-nav">
        {p.prevWeek && <a href={q(p.prevWeek)}>← {t.space.prevWeek}</a>} <a href={q(p.nextWeek)}>{t.space.nextWeek} →</a>
      </nav>
      <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
        <table class="week">
          <thead>
            <tr>
              <th scope="col">{t.space.day}</th>
              <th scope="col">{p.t.dayparts.morning}</th>
              <th scope="col">{p.t.dayparts.afternoon}</th>
            </tr>
          </thead>
          <tbody>
            {p.days.map((d) => (
              <tr>
                <th scope="row">{formatLocalDate(p.locale, d.date)}</th>
                <SlotCell {...d.morning} />
                <SlotCell {...d.afternoon} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canBook && (
        <>
          <h2 id="series">{t.space.series}</h2>
          <p>{t.space.seriesIntro}</p>
          {p.closedAhead.length > 0 && (
            <>
              <p id="closed-ahead">{t.space.closedAhead}</p>
              <ul aria-labelledby="closed-ahead" class="closed-ahead">
                {p.closedAhead.map((r) => (
                  <li>
                    {r.from === r.to
                      ? formatLocalDate(p.locale, r.from)
                      : t.space.closedRange(formatLocalDate(p.locale, r.from), formatLocalDate(p.locale, r.to))}
                    {`: ${closedName(p.t, r.closed)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ErrorSummary
            state={p.seriesState}
            title={p.t.form.errorSummary}
            labels={{
              weekday: t.space.seriesWeekday,
              daypart: t.space.seriesDaypart,
              weeks: t.space.seriesWeeks,
              startDate: t.space.seriesStart,
              note: t.search.note,
            }}
          />
          <form method="post" action={`/desks/spaces/${s.id}/book-series`} novalidate>
            {p.asOrg !== null && <input type="hidden" name="as" value={String(p.asOrg)} />}
            {p.forUser && <input type="hidden" name="for" value={p.forUser.id} />}
            {p.forUser && <p>{t.colleague.forName(p.forUser.name)}</p>}
            <div class="grid">
              <Select
                state={p.seriesState}
                name="weekday"
                label={t.space.seriesWeekday}
                options={t.weekdays.map((w, i) => ({ value: String(i + 1), label: w }))}
              />
              <Select
                state={p.seriesState}
                name="daypart"
                label={t.space.seriesDaypart}
                options={(['morning', 'afternoon', 'whole'] as const).map((d) => ({ value: d, label: p.t.dayparts[d] }))}
              />
              <Field state={p.seriesState} name="weeks" label={t.space.seriesWeeks} type="number" min={1} max={12} required />
              <Field state={p.seriesState} name="startDate" label={t.space.seriesStart} type="date" required />
            </div>
            <TextArea state={p.seriesState} name="note" label={`${t.search.note} ${p.t.form.optional}`} maxlength={280} rows={2} />
            <button type="submit">{t.space.seriesSubmit}</button>
          </form>
        </>
      )}
    </section>
  );
}

export function SeriesResultPage(p: { t: Dict; locale: Locale; spaceId: number; result: SeriesResult; forUser?: { id: string; name: string } | null }) {
  const t = p.t.desks;
  const booked = t.series.booked(p.result.booked.length);
  return (
    <section>
      <h1>{t.series.title}</h1>
      <p role="status">{p.forUser ? t.colleague.bookedFor(p.forUser.name, booked) : booked}</p>
      {p.result.booked.length > 0 && (
        <ul>
          {p.result.booked.map((b) => (
            <li>
              {formatLocalDate(p.locale, b.date, true)} — {t.status[b.status]}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.series.skipped}</h2>
      {p.result.skipped.length === 0 ? (
        <p>{t.series.noneSkipped}</p>
      ) : (
        <ul class="skipped">
          {p.result.skipped.map((s) => (
            <li>
              {formatLocalDate(p.locale, s.date, true)} — {refusalText(p.t, s.reason, s.horizonWeeks, s.closed)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/bookings">{t.series.toBookings}</a> · <a href={`/desks/spaces/${p.spaceId}`}>{t.search.week}</a>
      </p>
    </section>
  );
}

export function refusalText(t: Dict, reason: keyof Dict['desks']['refusals'], horizonWeeks = 8, closed?: ClosedReason): string {
  if (reason === 'closed' && closed) return t.closures.refusal(closedName(t, closed));
  const r = t.desks.refusals[reason];
  return typeof r === 'function' ? r(horizonWeeks) : r;
}
