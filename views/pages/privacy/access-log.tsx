import { ACCESS_ACTIONS } from '../../../db/schema/privacy';
import type { AccessLogRow, LookedAtMeRow } from '../../../src/privacy/access-log';
import type { Paging } from '../../../src/lib/paging';
import type { Dict, Locale } from '../../i18n';
import { formatDateTime, formatLocalDate } from '../../i18n/format';
import { Field, Select } from '../../partials/form';
import { fromPager, Pager } from '../../partials/pager';

/** Which page of a log is shown: `url` is the request's path and query (for the page links), `trigger` the element that asked. */
export type LogListing = { paging: Paging; url: string; trigger?: string | null };

/** "meeting:12", "location:3:2026-12-09", "org:4", "user:…", "requests" in words; ids only, as stored. */
function objectText(t: Dict, locale: Locale, object: string): string {
  const [kind, id = '', date] = object.split(':');
  const o = t.privacy.objects;
  if (kind === 'meeting') return o.meeting(id);
  if (kind === 'location' && date) return o.location(id, formatLocalDate(locale, date, true));
  if (kind === 'org') return o.org(id);
  if (kind === 'user') return o.user;
  if (kind === 'requests') return o.requests;
  return object;
}

const LOG_PAGER = 'access-log-page';

/** The table of entries with its count and page links: inside the page, and alone for the pager's htmx requests. */
export function AccessLogResults(p: { t: Dict; locale: Locale; rows: AccessLogRow[]; filtered: boolean; emptyText: string } & LogListing) {
  const t = p.t.privacy.log;
  const pg = p.paging;
  return (
    <div id="access-log-results">
      <h2 id="access-log-results-title" tabindex={-1} autofocus={fromPager(p.trigger, LOG_PAGER) || undefined}>
        {t.resultsTitle}
      </h2>
      <p role="status">{pg.pages > 1 ? t.shown(pg.from, pg.to, pg.total) : t.results(pg.total)}</p>
      {p.rows.length === 0 ? (
        <p class="empty-state">
          {p.filtered ? (
            <>
              {t.emptyFiltered} <a href="/access-log">{t.clear}</a>
            </>
          ) : (
            p.emptyText
          )}
        </p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.object}</th>
                <th scope="col">{t.whose}</th>
                <th scope="col">{t.people}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{formatDateTime(p.locale, r.at)}</td>
                  <td>{r.actorName}</td>
                  <td>{p.t.privacy.actions[r.action]}</td>
                  <td>{objectText(p.t, p.locale, r.object)}</td>
                  <td>{r.orgName ?? t.noOrg}</td>
                  <td>{r.subjectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={p.t} paging={pg} url={p.url} target="#access-log-results" id={LOG_PAGER} />
    </div>
  );
}

/**
 * /access-log: the filter form (a plain GET form: the filters are in the URL, and page links keep
 * them) and the entries. `orgs`: the organisations to filter on (empty: no organisation filter).
 */
export function AccessLogPage(p: {
  t: Dict;
  locale: Locale;
  intro: string;
  emptyText: string;
  filters: Record<string, string>;
  orgs: { id: number; name: string }[];
  rows: AccessLogRow[];
  listing: LogListing;
}) {
  const t = p.t.privacy.log;
  const state = { values: p.filters };
  const filtered = Object.keys(p.filters).length > 0;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{p.intro}</p>
      <form method="get" action="/access-log" class="filters" role="search">
        <fieldset>
          <legend>{t.filters}</legend>
          <div class="grid">
            <Select
              state={state}
              idPrefix="flt"
              name="action"
              label={t.action}
              options={[{ value: '', label: t.anyAction }, ...ACCESS_ACTIONS.map((a) => ({ value: a, label: p.t.privacy.actions[a] }))]}
            />
            <Field state={state} idPrefix="flt" name="actor" label={t.actor} hint={t.actorHint} maxlength={80} />
            {p.orgs.length > 0 && (
              <Select
                state={state}
                idPrefix="flt"
                name="org"
                label={t.org}
                options={[{ value: '', label: t.anyOrg }, ...p.orgs.map((o) => ({ value: String(o.id), label: o.name }))]}
              />
            )}
          </div>
          <div class="grid">
            <Field state={state} idPrefix="flt" name="from" type="date" label={t.from} />
            <Field state={state} idPrefix="flt" name="to" type="date" label={t.to} />
          </div>
          <button type="submit">{t.apply}</button> {filtered && <a href="/access-log">{t.clear}</a>}
        </fieldset>
      </form>
      <AccessLogResults t={p.t} locale={p.locale} rows={p.rows} filtered={filtered} emptyText={p.emptyText} {...p.listing} />
    </section>
  );
}

const MINE_PAGER = 'my-access-page';

/** Who looked at the person's data: who, what in words, when; inside the page and alone for the pager. */
export function MyAccessResults(p: { t: Dict; locale: Locale; meId: string; rows: LookedAtMeRow[] } & LogListing) {
  const t = p.t.privacy.mine;
  const pg = p.paging;
  return (
    <div id="my-access-results">
      <h2 id="my-access-results-title" class="visually-hidden" tabindex={-1} autofocus={fromPager(p.trigger, MINE_PAGER) || undefined}>
        {p.t.privacy.log.resultsTitle}
      </h2>
      {p.rows.length === 0 ? (
        <p class="empty-state">{t.empty}</p>
      ) : (
        <>
          {pg.pages > 1 && <p role="status">{p.t.privacy.log.shown(pg.from, pg.to, pg.total)}</p>}
          <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{p.t.privacy.log.when}</th>
                  <th scope="col">{p.t.privacy.log.who}</th>
                  <th scope="col">{p.t.privacy.log.what}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr>
                    <td>{formatDateTime(p.locale, r.at)}</td>
                    <td>{r.actorId === p.meId ? t.you : r.actorName}</td>
                    <td>{r.orgName ? `${t.actions[r.action]} ${t.forOrg(r.orgName)}` : t.actions[r.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager t={p.t} paging={pg} url={p.url} target="#my-access-results" id={MINE_PAGER} />
    </div>
  );
}

export function MyAccessPage(p: { t: Dict; locale: Locale; meId: string; rows: LookedAtMeRow[]; listing: LogListing }) {
  return (
    <section>
      <h1>{p.t.privacy.mine.title}</h1>
      <p>{p.t.privacy.mine.intro}</p>
      <MyAccessResults t={p.t} locale={p.locale} meId={p.meId} rows={p.rows} {...p.listing} />
    </section>
  );
}
