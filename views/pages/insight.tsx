import type { Dict, Locale } from '../i18n';
import { formatLocalDate, formatNumber, formatPercent } from '../i18n/format';
import { ErrorSummary, Field, Select, type FormState } from '../partials/form';
import { BarChart, ColumnChart, Heatmap, type Bar } from '../partials/insight/charts';
import type { Insight } from '../../src/insight/insight';
import { isHidden, shown, type Rate, type Shown } from '../../src/insight/present';
import { PAGE_ROWS, presented, sectionTable, type Cell, type DataTable, type Section } from '../../src/insight/tables';

type Props = {
  t: Dict;
  locale: Locale;
  data: Insight | null;
  scopeText: string;
  state: FormState;
  towns: string[];
  locations: { id: number; name: string }[];
  /** The organisation choice: an org admin of several, or a network admin (the whole network or one organisation). */
  orgOptions: { value: string; label: string }[];
  query: string;
};

const num = (locale: Locale, v: Shown) => (isHidden(v) ? v : formatNumber(locale, v));
const pct = (locale: Locale, v: Rate) => (v === null ? '–' : isHidden(v) ? v : formatPercent(locale, v));

function cellText(locale: Locale, c: Cell): string {
  if (typeof c === 'object') return pct(locale, c.rate);
  if (typeof c === 'number' || isHidden(c)) return num(locale, c);
  return c;
}

/** The data beside each chart, and its CSV download with the same filters. */
function Table(p: { t: Dict; locale: Locale; table: DataTable; section: Section; query: string }) {
  return (
    <details class="insight-table">
      <summary>{p.t.insight.table}</summary>
      <div class="table-wrap" role="region" tabindex={0} aria-label={p.table.title}>
        <table>
          <caption>{p.table.title}</caption>
          <thead>
            <tr>
              {p.table.headers.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.table.rows.length === 0 ? (
              <tr>
                <td colspan={p.table.headers.length}>{p.t.insight.none}</td>
              </tr>
            ) : (
              p.table.rows.map((r) => (
                <tr>
                  {r.map((c) => (
                    <td>{cellText(p.locale, c)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/insight/${p.section}.csv${p.query}`} download>
          {p.t.insight.csv(p.table.title)}
        </a>
      </p>
    </details>
  );
}

/** Guest × host organisations as a matrix: the organisations with the most dagdelen, each cell coloured by its share of the largest. */
function HostingMatrix(p: { t: Dict; locale: Locale; data: Insight }) {
  const i = p.t.insight.hosting;
  const m = p.data.hosting.matrix;
  const max = Math.max(1, m.max);
  const cell = presented(p.data).hosting.cell;
  const cells = m.guests.flatMap((g, gi) =>
    m.hosts.map((h, hi) => {
      const n = m.dagdelen[gi]![hi]!;
      const v = cell(m.hostIds[hi]!, m.guestIds[gi]!, n);
      return { row: g, col: h, share: isHidden(v) ? null : n / max, text: num(p.locale, v) };
    }),
  );
  return <Heatmap id="chart-hosting-matrix" title={i.matrix} desc={i.matrixDesc} rows={m.guests} cols={m.hosts} cells={cells} />;
}

/** The sections: what htmx swaps when the filters change. */
export function InsightSections(p: { t: Dict; locale: Locale; data: Insight | null; query: string }) {
  const i = p.t.insight;
  const d = p.data;
  const l = p.locale;
  if (!d) return <div id="insight-sections" />;
  // The page shows the first rows of each table; the CSV download holds them all.
  const table = (s: Section) => <Table t={p.t} locale={l} table={sectionTable(d, s, p.t, PAGE_ROWS)} section={s} query={p.query} />;
  const s = presented(d);
  const top = d.hosting.pairs[0];
  const hostingBars: Bar[] = d.hosting.pairs
    .slice(0, 12)
    .map((x, k) => ({ label: `${x.guestOrg} → ${x.hostOrg}`, value: s.hosting.pairs[k]!, text: num(l, s.hosting.pairs[k]!) }));
  const occ = d.occupancy;
  const totalAvailable = occ.locations.reduce((a, x) => a + x.available, 0);
  const network = d.reliability.find((r) => r.role === 'network');
  const guests = d.reliability.flatMap((r, k) => (r.role === 'guest' && typeof s.reliability[k]!.total === 'number' ? [{ r, s: s.reliability[k]! }] : []));
  const locIndex = new Map(occ.locations.map((x, k) => [x.locationId, k]));
  const weekdays = p.t.desks.weekdays;
  const daypartName = (dp: 'morning' | 'afternoon') => p.t.dayparts[dp];
  return (
    <div id="insight-sections">
      <p>
        {i.period(formatLocalDate(l, d.filters.from, true), formatLocalDate(l, d.filters.to, true))},{' '}
        {i.comparedWith(formatLocalDate(l, d.previous.from, true), formatLocalDate(l, d.previous.to, true))}.
      </p>

      <section aria-labelledby="insight-hosting">
        <h2 id="insight-hosting">{i.hosting.title}</h2>
        <p>
          {i.hosting.summary(
            num(l, s.hosting.dagdelen),
            num(l, d.hosting.orgsAway),
            num(l, shown(d.hosting.previous.dagdelen)),
            num(l, d.hosting.previous.orgsAway),
          )}{' '}
          {top && i.hosting.top(top.guestOrg, top.hostOrg, num(l, s.hosting.pairs[0]!))}
        </p>
        {hostingBars.length > 0 ? (
          <>
            <HostingMatrix t={p.t} locale={l} data={d} />
            <BarChart id="chart-hosting" title={i.hosting.chart} desc={i.hosting.chart} bars={hostingBars} />
          </>
        ) : (
          <p>{i.none}</p>
        )}
        {table('hosting')}
      </section>

      <section aria-labelledby="insight-occupancy">
        <h2 id="insight-occupancy">{i.occupancy.title}</h2>
        <p>
          {totalAvailable === 0 ? i.occupancy.noneAvailable : i.occupancy.summary(num(l, s.occupancy.booked), num(l, totalAvailable), pct(l, s.occupancy.rate))}{' '}
          {i.occupancy.demand(num(l, shown(occ.demand.emptySearches)), num(l, shown(occ.demand.refusedFull)))}
        </p>
        {occ.locations.slice(0, 6).map((loc, n) => {
          const cols = [...new Set(loc.cells.map((c) => c.weekday))].map((wd) => weekdays[wd - 1]!);
          return (
            <Heatmap
              id={`chart-occupancy-${n}`}
              title={i.occupancy.heatmap(loc.location)}
              desc={`${loc.location}: ${pct(l, s.occupancy.locations[n]!.rate)}`}
              rows={[daypartName('morning'), daypartName('afternoon')]}
              cols={cols}
              cells={loc.cells.map((c, k) => {
                const rate = s.occupancy.locations[n]!.cells[k]!;
                return {
                  row: daypartName(c.daypart),
                  col: weekdays[c.weekday - 1]!,
                  share: typeof rate === 'number' ? rate : null,
                  text: pct(l, rate),
                };
              })}
            />
          );
        })}
        {totalAvailable > 0 && (
          <>
            <h3>{i.occupancy.alwaysFull}</h3>
            {occ.alwaysFull.length === 0 ? (
              <p>{i.occupancy.noneFull}</p>
            ) : (
              <ul>
                {occ.alwaysFull.map((f) => {
                  const at = occ.locations[locIndex.get(f.locationId)!]!;
                  const k = at.cells.findIndex((c) => c.weekday === f.weekday && c.daypart === f.daypart);
                  return (
                    <li>
                      {f.location}: {weekdays[f.weekday - 1]} {daypartName(f.daypart)} ({pct(l, s.occupancy.locations[locIndex.get(f.locationId)!]!.cells[k]!)})
                    </li>
                  );
                })}
              </ul>
            )}
            <h3>{i.occupancy.neverUsed}</h3>
            {occ.neverUsed.length === 0 ? (
              <p>{i.occupancy.noneUnused}</p>
            ) : (
              <ul>
                {occ.neverUsed.map((name) => (
                  <li>{name}</li>
                ))}
              </ul>
            )}
          </>
        )}
        {table('occupancy')}
      </section>

      <section aria-labelledby="insight-reliability">
        <h2 id="insight-reliability">{i.reliability.title}</h2>
        <p>{network ? i.reliability.summary(num(l, shown(network.noShow)), num(l, shown(network.lateCancel))) : i.none}</p>
        {guests.length > 0 && (
          <BarChart
            id="chart-reliability"
            title={i.reliability.chart}
            desc={i.reliability.chart}
            bars={guests.map(({ r, s: rate }) => ({
              label: r.org ?? '',
              value: typeof rate.noShow === 'number' ? Math.round(rate.noShow * 1000) / 10 : (rate.noShow ?? 0),
              text: pct(l, rate.noShow),
            }))}
          />
        )}
        {table('reliability')}
      </section>

      <section aria-labelledby="insight-learning">
        <h2 id="insight-learning">{i.learning.title}</h2>
        <p>
          {i.learning.summary(
            formatNumber(l, d.learning.held),
            formatNumber(l, d.learning.previous.held),
            num(l, shown(d.learning.presentTotal)),
            formatNumber(l, d.learning.threeOrMoreOrgs),
          )}{' '}
          {i.learning.more(num(l, shown(d.learning.waitlistedNotIn)), num(l, s.learning.hours), formatNumber(l, d.learning.cancelledTooFew))}
        </p>
        {d.learning.participants.length > 0 ? (
          <BarChart
            id="chart-learning"
            title={i.learning.chart}
            desc={i.learning.chart}
            bars={d.learning.participants.map((x, k) => ({ label: x.org, value: s.learning.participants[k]!, text: num(l, s.learning.participants[k]!) }))}
          />
        ) : (
          <p>{i.none}</p>
        )}
        {table('learning')}
      </section>

      <section aria-labelledby="insight-trend">
        <h2 id="insight-trend">{i.trend.title}</h2>
        <p>
          {i.trend.summary(
            num(l, s.trend.totalDagdelen),
            formatNumber(
              l,
              d.trend.reduce((a, m) => a + m.meetings, 0),
            ),
          )}
        </p>
        <ColumnChart
          id="chart-trend-desks"
          title={i.trend.chartDesks}
          desc={i.trend.chartDesks}
          bars={d.trend.map((m, k) => ({ label: m.month.slice(5), value: s.trend.dagdelen[k]!, text: num(l, s.trend.dagdelen[k]!) }))}
        />
        <ColumnChart
          id="chart-trend-meetings"
          title={i.trend.chartMeetings}
          desc={i.trend.chartMeetings}
          bars={d.trend.map((m) => ({ label: m.month.slice(5), value: m.meetings, text: formatNumber(l, m.meetings) }))}
        />
        {table('trend')}
      </section>
    </div>
  );
}

/** *Inzicht*: the filters (a GET form; htmx swaps the sections) and the sections. */
export function InsightPage(p: Props) {
  const i = p.t.insight;
  return (
    <section class="insight">
      <h1>{i.title}</h1>
      <p>{p.scopeText}</p>
      <p>
        <small>{i.suppressedNote}</small>
      </p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={i} />
      <form method="get" action="/insight" hx-get="/insight" hx-target="#insight-sections" hx-swap="outerHTML" hx-push-url="true" class="insight-filters">
        <fieldset>
          <legend>{i.filters}</legend>
          <div class="grid">
            {(p.orgOptions.length > 1 || p.state.errors?.org) && <Select state={p.state} name="org" label={i.org} options={p.orgOptions} />}
            <Field state={p.state} name="from" label={i.from} type="date" />
            <Field state={p.state} name="to" label={i.to} type="date" />
            <Select
              state={p.state}
              name="town"
              label={i.town}
              options={[{ value: '', label: i.anyTown }, ...p.towns.map((town) => ({ value: town, label: town }))]}
            />
            <Select
              state={p.state}
              name="location"
              label={i.location}
              options={[{ value: '', label: i.anyLocation }, ...p.locations.map((loc) => ({ value: String(loc.id), label: loc.name }))]}
            />
          </div>
          <button type="submit">{i.show}</button>
        </fieldset>
      </form>
      <InsightSections t={p.t} locale={p.locale} data={p.data} query={p.query} />
    </section>
  );
}
