import type { Dict, Locale } from '../../i18n';
import { formatDateTime, formatLocalDate } from '../../i18n/format';
import type { AttendedMeeting, Statement } from '../../../src/intervision/statements';
import { localDateOf } from '../../../src/lib/time';
import { ErrorSummary, Field, type FormState } from '../../partials/form';

const hoursText = (locale: Locale, h: number) => h.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
const dateText = (locale: Locale, d: Date) => formatLocalDate(locale, localDateOf(d), true);

export function ReflectionPage(p: {
  t: Dict;
  locale: Locale;
  years: { year: string; meetings: AttendedMeeting[]; hours: number }[];
  periodHours: number;
  periodFrom: string;
  target: number;
  statements: Statement[];
  state: FormState;
}) {
  const t = p.t.intervision.reflection;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p class="reflection-total">
        <strong>{t.total(hoursText(p.locale, p.periodHours), p.target, formatLocalDate(p.locale, p.periodFrom, true))}</strong>
        <br />
        <progress value={String(Math.min(p.periodHours, p.target))} max={String(p.target)} aria-label={t.progressLabel} />
      </p>
      {p.years.length === 0 ? (
        <p class="empty-state">
          {t.empty} <a href="/meetings">{t.findMeeting}</a>
        </p>
      ) : (
        p.years.map((y) => (
          <>
            <h2>{t.year(y.year, hoursText(p.locale, y.hours))}</h2>
            <AttendedTable t={p.t} locale={p.locale} meetings={y.meetings} full />
          </>
        ))
      )}
      <p>
        <a href="/reflection.csv" download>
          {t.csv}
        </a>
      </p>
      <h2 id="statement">{t.statement}</h2>
      <p>{t.statementIntro}</p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
      <form method="post" action="/reflection/statements" novalidate class="narrow">
        <div class="grid">
          <Field state={p.state} name="from" label={t.from} type="date" required />
          <Field state={p.state} name="to" label={t.to} type="date" required />
        </div>
        <button type="submit">{t.createStatement}</button>
      </form>
      {p.statements.length > 0 && (
        <>
          <h3>{t.statements}</h3>
          <ul>
            {p.statements.map((s) => (
              <li>
                <a href={`/reflection/statements/${s.id}`}>
                  {t.statementLine(
                    formatDateTime(p.locale, s.createdAt),
                    formatLocalDate(p.locale, s.fromDate, true),
                    formatLocalDate(p.locale, s.toDate, true),
                  )}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Attended meetings. `full` adds facilitator and organisations (own view); the public verification page leaves them out. */
function AttendedTable(p: { t: Dict; locale: Locale; meetings: AttendedMeeting[]; full: boolean }) {
  const t = p.t.intervision.reflection;
  const it = p.t.intervision;
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
      <table class="attended">
        <thead>
          <tr>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.meeting}</th>
            <th scope="col">{t.method}</th>
            {p.full && <th scope="col">{t.facilitator}</th>}
            {p.full && <th scope="col">{t.organisations}</th>}
            <th scope="col" class="num">
              {t.hours}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.meetings.map((m) => (
            <tr>
              <td>{dateText(p.locale, m.startsAt)}</td>
              <td>
                {m.title}
                <br />
                <small>{it.kinds[m.kind]}</small>
              </td>
              <td>{it.methods[m.method]}</td>
              {p.full && <td>{m.facilitatorName}</td>}
              {p.full && <td>{m.orgs.join(', ')}</td>}
              <td class="num">{hoursText(p.locale, Math.round((m.minutes / 60) * 100) / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatementPage(p: {
  t: Dict;
  locale: Locale;
  /** null: removed by the retention or with the account ("gegevens verwijderd"). */
  name: string | null;
  statement: Statement;
  meetings: AttendedMeeting[];
  hours: number;
  verifyUrl: string;
}) {
  const t = p.t.intervision.statement;
  return (
    <section class="statement">
      <p class="no-print">
        <a href="/reflection">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <StatementBody {...p} full />
      <p>
        {t.verify}
        <br />
        <a href={p.verifyUrl} class="verify-url">
          {p.verifyUrl}
        </a>
      </p>
      <p class="no-print">
        <button type="button" data-print hidden>
          {t.printButton}
        </button>
      </p>
      <p class="no-print">
        <strong>{t.print}</strong> — {t.printHint}
      </p>
      <script src="/static/print.js" defer></script>
    </section>
  );
}

function StatementBody(p: { t: Dict; locale: Locale; name: string | null; statement: Statement; meetings: AttendedMeeting[]; hours: number; full: boolean }) {
  const t = p.t.intervision.statement;
  return (
    <>
      <dl class="statement-facts">
        <dt>{t.holder}</dt>
        <dd>{p.name ?? <em>{t.nameRemoved}</em>}</dd>
        <dt>{t.period}</dt>
        <dd>{t.periodValue(formatLocalDate(p.locale, p.statement.fromDate, true), formatLocalDate(p.locale, p.statement.toDate, true))}</dd>
        <dt>{t.total}</dt>
        <dd>
          <strong>{t.hours(hoursText(p.locale, p.hours))}</strong>
        </dd>
      </dl>
      <AttendedTable t={p.t} locale={p.locale} meetings={p.meetings} full={p.full} />
      <p>{t.issued(formatDateTime(p.locale, p.statement.createdAt))}</p>
    </>
  );
}

/** Public: name, meetings (date, title/kind, method, hours) and total — nothing else. */
/**
 * `issued`: the statement as stored when it was issued (statements from before that was stored
 * are shown from the live records). `correctedHours`: set when the live records for the period now
 * count other meetings or hours than were issued.
 */
/** A code that is unknown or malformed: one plain answer for both, no login hint (the checker has no account). */
export function VerifyInvalidPage(p: { t: Dict }) {
  const t = p.t.intervision.verify;
  return (
    <section class="statement">
      <h1>{t.title}</h1>
      <p class="status status-warn" role="alert">
        {t.invalid}
      </p>
      <p>{t.invalidHint}</p>
    </section>
  );
}

export function VerifyPage(p: {
  t: Dict;
  locale: Locale;
  /** null: removed by the retention or with the account ("gegevens verwijderd"). */
  name: string | null;
  statement: Statement;
  meetings: AttendedMeeting[];
  hours: number;
  issued: boolean;
  correctedHours: number | null;
}) {
  const t = p.t.intervision.verify;
  return (
    <section class="statement">
      <h1>{t.title}</h1>
      <p class="status status-ok" role="status">
        {t.genuine}
      </p>
      <p>{p.issued ? t.noteIssued : t.note}</p>
      {p.correctedHours !== null && <p class="warning">{t.corrected(hoursText(p.locale, p.correctedHours))}</p>}
      <StatementBody {...p} full={false} />
    </section>
  );
}
