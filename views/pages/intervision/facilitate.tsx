import type { Dict, Locale } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { MEETING_KINDS, MEETING_METHODS, PLACE_KINDS, PRESENCES } from '../../../db/schema/intervision';
import type { MeetingCard as Card, Participant } from '../../../src/intervision/meetings';
import type { AttendanceState } from '../../../src/intervision/attendance';
import { ErrorSummary, Field, Select, TextArea, type FormState } from '../../partials/form';
import { placeText, whenText } from '../../partials/intervision/places';

/** `canPlan`: the facilitator role somewhere; an org admin without it manages its organisation's meetings but plans none. */
export function FacilitatePage(p: { t: Dict; locale: Locale; meetings: Card[]; now: Date; canPlan: boolean }) {
  const t = p.t.intervision.facilitate;
  const upcoming = p.meetings.filter((m) => m.endsAt >= p.now);
  const past = p.meetings.filter((m) => m.endsAt < p.now).reverse();
  const row = (m: Card) => (
    <tr>
      <td>
        <a href={`/facilitate/meetings/${m.id}`}>{m.title}</a>
        {m.status === 'cancelled' && <> ({p.t.intervision.places.cancelled})</>}
      </td>
      <td>{whenText(p.locale, m)}</td>
      <td>
        {t.registeredOf(m.registered, m.maxParticipants)}
        {m.waiting > 0 && <>, {t.waitingN(m.waiting)}</>}
      </td>
    </tr>
  );
  const table = (list: Card[]) =>
    list.length === 0 ? (
      <p>{p.canPlan ? t.none : t.noneAdmin}</p>
    ) : (
      <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
        <table>
          <tbody>{list.map(row)}</tbody>
        </table>
      </div>
    );
  return (
    <section>
      <h1>{t.title}</h1>
      {p.canPlan ? (
        <p>
          <a href="/facilitate/meetings/new" role="button">
            {t.newMeeting}
          </a>{' '}
          <a href="/facilitate/groups/new" role="button" class="secondary">
            {t.newGroup}
          </a>
        </p>
      ) : (
        <p>{t.adminIntro}</p>
      )}
      <h2>{t.upcoming}</h2>
      {table(upcoming)}
      <h2>{t.past}</h2>
      {table(past)}
    </section>
  );
}

/** `locked`: the meeting started or was cancelled while the form was open; what was sent is shown, not offered again. */
export type FormMode = { kind: 'new' } | { kind: 'group' } | { kind: 'edit'; meetingId: number; title: string; locked?: boolean };

export function MeetingFormPage(p: {
  t: Dict;
  mode: FormMode;
  state: FormState;
  facilitatorOrgs: { orgId: number; orgName: string }[];
  allOrgs: { id: number; name: string }[];
  locations: { id: number; name: string; town: string; orgName: string }[];
}) {
  const t = p.t.intervision.form;
  const it = p.t.intervision;
  const s = p.state;
  const heading = p.mode.kind === 'edit' ? t.editTitle(p.mode.title) : p.mode.kind === 'group' ? it.facilitate.newGroup : it.facilitate.newMeeting;
  const action =
    p.mode.kind === 'edit' ? `/facilitate/meetings/${p.mode.meetingId}/edit` : p.mode.kind === 'group' ? '/facilitate/groups/new' : '/facilitate/meetings/new';
  const selectedOrgs = new Set(Array.isArray(s.values?.visibleOrgs) ? s.values.visibleOrgs : s.values?.visibleOrgs ? [s.values.visibleOrgs] : []);
  const err = (name: string) =>
    s.errors?.[name] && (
      <small id={`f-${name}-err`} class="error">
        {s.errors[name]}
      </small>
    );
  return (
    <section>
      <h1>{heading}</h1>
      <ErrorSummary
        state={s}
        title={p.t.form.errorSummary}
        labels={{ ...t, ...t.summary, orgId: t.org, cadenceWeeks: t.cadence, visibleOrgs: t.summary.visibility }}
        ids={{ visibleOrgs: 'f-visibility' }}
      />
      <form method="post" action={action} novalidate class="meeting-form">
        {p.facilitatorOrgs.length === 1 && !s.errors?.orgId ? (
          <input type="hidden" name="orgId" value={String(p.facilitatorOrgs[0]!.orgId)} />
        ) : (
          <Select state={s} name="orgId" label={t.org} options={p.facilitatorOrgs.map((o) => ({ value: String(o.orgId), label: o.orgName }))} />
        )}
        <Field state={s} name="title" label={t.title} required maxlength={120} />
        <div class="grid">
          <Select state={s} name="kind" label={t.kind} options={MEETING_KINDS.map((k) => ({ value: k, label: it.kinds[k] }))} />
          <Select state={s} name="method" label={t.method} options={MEETING_METHODS.map((k) => ({ value: k, label: it.methods[k] }))} />
        </div>
        <TextArea state={s} name="description" label={t.description} hint={t.descriptionHint} maxlength={2000} rows={4} />
        <fieldset>
          <legend>{p.mode.kind === 'group' ? t.firstDate : t.date}</legend>
          <div class="grid">
            <Field state={s} name="date" label={t.date} type="date" required />
            <Field state={s} name="start" label={t.start} type="time" required hint={t.timesHint} />
            <Field state={s} name="end" label={t.end} type="time" required />
          </div>
        </fieldset>
        {p.mode.kind === 'group' && (
          <fieldset>
            <legend>{t.series}</legend>
            <div class="grid">
              <Field state={s} name="cadenceWeeks" label={t.cadence} type="number" min={1} max={52} required />
              <Field state={s} name="count" label={t.count} type="number" min={1} max={52} required />
            </div>
            <label for="f-closed">
              <input type="checkbox" id="f-closed" name="closed" value="1" checked={!!s.values?.closed} /> {t.closed}
            </label>
          </fieldset>
        )}
        <fieldset>
          <legend>{t.place}</legend>
          <Select state={s} name="placeKind" label={t.placeKind} options={PLACE_KINDS.map((k) => ({ value: k, label: it.placeKinds[k] }))} />
          <Select
            state={s}
            name="locationId"
            label={t.locationId}
            options={[{ value: '', label: t.locationNone }, ...p.locations.map((l) => ({ value: String(l.id), label: `${l.town}: ${l.name} (${l.orgName})` }))]}
          />
          <Field state={s} name="placeName" label={t.placeName} maxlength={120} />
          <Field state={s} name="address" label={t.address} maxlength={200} />
          <Field state={s} name="town" label={t.town} maxlength={80} />
          <Field state={s} name="onlineUrl" label={t.onlineUrl} type="url" maxlength={500} hint={t.onlineUrlHint} />
        </fieldset>
        <fieldset>
          <legend>{t.participants}</legend>
          <div class="grid">
            <Field state={s} name="min" label={t.min} type="number" min={1} max={100} required />
            <Field state={s} name="max" label={t.max} type="number" min={1} max={100} required hint={p.mode.kind === 'edit' ? t.maxLowerHint : undefined} />
            <Field state={s} name="maxPerOrg" label={t.maxPerOrg} type="number" min={1} max={100} hint={t.maxPerOrgHint} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t.signup}</legend>
          {p.mode.kind === 'group' && <p>{t.groupSignupHint}</p>}
          <div class="grid">
            <Field state={s} name="opensDate" label={t.opensDate} type="date" required />
            <Field state={s} name="opensTime" label={t.opensTime} type="time" required />
          </div>
          <div class="grid">
            <Field state={s} name="closesDate" label={t.closesDate} type="date" required />
            <Field state={s} name="closesTime" label={t.closesTime} type="time" required />
          </div>
          <div class="grid">
            <Field state={s} name="cancelDate" label={t.cancelDate} type="date" required />
            <Field state={s} name="cancelTime" label={t.cancelTime} type="time" required />
          </div>
        </fieldset>
        {/* Where the error summary's links for both fields land. */}
        <fieldset
          id="f-visibility"
          tabindex={s.errors?.visibility || s.errors?.visibleOrgs ? -1 : undefined}
          aria-invalid={s.errors?.visibility || s.errors?.visibleOrgs ? 'true' : undefined}
          aria-describedby={
            [s.errors?.visibility ? 'f-visibility-err' : '', s.errors?.visibleOrgs ? 'f-visibleOrgs-err' : ''].filter(Boolean).join(' ') || undefined
          }
        >
          <legend>{t.visibility}</legend>
          <label>
            <input type="radio" name="visibility" value="all" checked={s.values?.visibility !== 'list'} /> {t.visibilityAll}
          </label>
          <label>
            <input type="radio" name="visibility" value="list" checked={s.values?.visibility === 'list'} /> {t.visibilityList}
          </label>
          <div class="org-choices">
            {p.allOrgs.map((o) => (
              <label>
                <input type="checkbox" name="visibleOrgs" value={String(o.id)} checked={selectedOrgs.has(String(o.id))} /> {o.name}
              </label>
            ))}
          </div>
          {err('visibility')}
          {err('visibleOrgs')}
        </fieldset>
        {p.mode.kind === 'edit' && p.mode.locked ? (
          <p>
            <a href={`/facilitate/meetings/${p.mode.meetingId}`}>{p.t.actions.back}</a>
          </p>
        ) : (
          <button type="submit">{p.mode.kind === 'edit' ? t.submitEdit : p.mode.kind === 'group' ? t.submitGroup : t.submitMeeting}</button>
        )}
      </form>
    </section>
  );
}

export function ManageMeetingPage(p: {
  t: Dict;
  locale: Locale;
  m: Card;
  registered: Participant[];
  waiting: Participant[];
  /** A closed group's meeting: places belong to the group, which has its own waiting list. */
  group: { id: number; waiting: { name: string; orgName: string }[] } | null;
  underMinimum: boolean;
  attendance: AttendanceState;
  now: Date;
}) {
  const t = p.t.intervision.facilitate;
  const m = p.m;
  const editable = m.status === 'scheduled' && p.now < m.startsAt;
  return (
    <section>
      <h1>{m.title}</h1>
      <p>
        {whenText(p.locale, m)} · {placeText(p.t, m)}
      </p>
      {m.status === 'cancelled' && (
        <p class="error-summary" role="status">
          {p.t.intervision.detail.cancelledNotice}
        </p>
      )}
      {p.underMinimum && (
        <div class="warning" role="alert">
          <p>{t.underMinimum(m.registered, m.minParticipants)}</p>
          <form method="post" action={`/facilitate/meetings/${m.id}/go-ahead`} class="inline">
            <button type="submit" class="secondary small">
              {t.goAhead}
            </button>
          </form>{' '}
          <a href="#cancel" class="small">
            {t.cancelMeeting}
          </a>
        </div>
      )}
      <p class="actions">
        <a href={`/meetings/${m.id}`}>{p.t.intervision.list.details}</a>
        {editable && (
          <>
            {' · '}
            <a href={`/facilitate/meetings/${m.id}/edit`}>{t.edit}</a>
          </>
        )}
        {p.attendance !== 'not-started' && m.status === 'scheduled' && (
          <>
            {' · '}
            <a href={`/facilitate/meetings/${m.id}/attendance`}>{t.attendance}</a>
          </>
        )}
        {' · '}
        <a href={`/facilitate/meetings/${m.id}/attendance.csv`} download>
          {t.csv}
        </a>
      </p>
      <h2>
        {t.registered} ({t.registeredOf(m.registered, m.maxParticipants)})
      </h2>
      {p.registered.length === 0 ? (
        <p>{p.t.intervision.detail.noParticipants}</p>
      ) : (
        <ul class="participants">
          {p.registered.map((x) => (
            <li>
              {x.name} ({x.orgName}){x.bringsCase && <> — {p.t.intervision.detail.bringsCase}</>}
              {editable && <RemoveButton t={p.t} meetingId={m.id} x={x} fromGroup={p.group !== null} />}
            </li>
          ))}
        </ul>
      )}
      {p.group ? (
        <>
          <h2>{t.groupWaitlist}</h2>
          {p.group.waiting.length === 0 ? (
            <p>{t.waitlistEmpty}</p>
          ) : (
            <ol class="participants">
              {p.group.waiting.map((x) => (
                <li>
                  {x.name} ({x.orgName})
                </li>
              ))}
            </ol>
          )}
          <p>
            <a href={`/groups/${p.group.id}`}>{t.toGroup}</a>
          </p>
        </>
      ) : (
        <>
          <h2>{t.waitlist}</h2>
          {p.waiting.length === 0 ? (
            <p>{t.waitlistEmpty}</p>
          ) : (
            <ol class="participants">
              {p.waiting.map((x) => (
                <li>
                  {x.name} ({x.orgName}){editable && <RemoveButton t={p.t} meetingId={m.id} x={x} fromGroup={false} />}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {editable && (
        <details id="cancel">
          <summary>{t.cancelMeeting}</summary>
          <p>{t.cancelConfirm}</p>
          <form method="post" action={`/facilitate/meetings/${m.id}/cancel`}>
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="contrast">
              {t.cancelYes}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

/** `fromGroup`: the meeting of a closed group, where removing takes the person out of the group. */
function RemoveButton(p: { t: Dict; meetingId: number; x: Participant; fromGroup: boolean }) {
  const label = p.fromGroup ? p.t.intervision.group.remove : p.t.intervision.facilitate.remove;
  return (
    <details class="inline-details">
      <summary class="small">{label}</summary>
      <form method="post" action={`/facilitate/meetings/${p.meetingId}/participants/${p.x.registrationId}/remove`}>
        <p>{p.fromGroup ? p.t.intervision.facilitate.removeFromGroupConfirm(p.x.name) : p.t.intervision.facilitate.removeConfirm(p.x.name)}</p>
        <button type="submit" class="contrast small">
          {label}
          <span class="visually-hidden">{`: ${p.x.name}`}</span>
        </button>
      </form>
    </details>
  );
}

export type ChangeLine = {
  id: number;
  participant: string;
  changedBy: string | null;
  changedAt: Date;
  oldPresence: string | null;
  newPresence: string | null;
  oldMinutes: number | null;
  newMinutes: number | null;
};

export function AttendancePage(p: {
  t: Dict;
  locale: Locale;
  m: Card;
  participants: Participant[];
  state: AttendanceState;
  form: FormState;
  log: ChangeLine[];
  duration: number;
}) {
  const t = p.t.intervision.attendance;
  const it = p.t.intervision;
  const m = p.m;
  const presenceText = (x: string | null, mins: number | null) =>
    x ? `${it.presence[x as keyof typeof it.presence]}${mins !== null ? ` (${t.minutesSuffix(mins)})` : ''}` : t.empty;
  const val = (name: string, fallback: string) => {
    const v = p.form.values?.[name];
    return v === undefined ? fallback : Array.isArray(v) ? (v[0] ?? '') : v;
  };
  const closeAt = new Date(m.startsAt.getTime() + 14 * 86_400_000);
  return (
    <section>
      <h1>{t.title(m.title)}</h1>
      <p>{whenText(p.locale, m)}</p>
      {p.state === 'not-started' && <p role="alert">{t.notStarted}</p>}
      {p.state === 'closed' && <p role="status">{t.closed}</p>}
      {p.state === 'open' && (
        <p>
          {t.intro} {t.openUntil(formatDateTime(p.locale, closeAt))}
        </p>
      )}
      <ErrorSummary state={p.form} title={p.t.form.errorSummary} />
      {p.participants.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <form method="post" action={`/facilitate/meetings/${m.id}/attendance`} novalidate>
          <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.participant}</th>
                  <th scope="col">{t.organisation}</th>
                  <th scope="col">{t.presence}</th>
                  <th scope="col">{t.minutes}</th>
                </tr>
              </thead>
              <tbody>
                {p.participants.map((x) => {
                  const pn = `presence_${x.registrationId}`;
                  const mn = `minutes_${x.registrationId}`;
                  const current = val(pn, x.presence ?? '');
                  return (
                    <tr>
                      <th scope="row">{x.name}</th>
                      <td>{x.orgName}</td>
                      <td>
                        <label for={`f-${pn}`} class="visually-hidden">{`${t.presence}: ${x.name}`}</label>
                        <select id={`f-${pn}`} name={pn} disabled={p.state !== 'open'} aria-invalid={p.form.errors?.[pn] ? 'true' : undefined}>
                          <option value="">{t.notRecorded}</option>
                          {PRESENCES.map((k) => (
                            <option value={k} selected={current === k}>
                              {it.presence[k]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label for={`f-${mn}`} class="visually-hidden">{`${t.minutes}: ${x.name}`}</label>
                        <input
                          id={`f-${mn}`}
                          name={mn}
                          type="number"
                          min={0}
                          max={p.duration}
                          value={val(mn, x.minutesPresent === null ? '' : String(x.minutesPresent))}
                          disabled={p.state !== 'open'}
                          aria-invalid={p.form.errors?.[mn] ? 'true' : undefined}
                          aria-describedby={p.form.errors?.[mn] ? `f-${mn}-err` : 'minutes-hint'}
                        />
                        {p.form.errors?.[mn] && (
                          <small id={`f-${mn}-err`} class="error">
                            {p.form.errors[mn]}
                          </small>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <small id="minutes-hint">{t.minutesHint(p.duration)}</small>
          {p.state === 'open' && <button type="submit">{t.submit}</button>}
        </form>
      )}
      <h2>{t.log}</h2>
      {p.log.length === 0 ? (
        <p>{t.logEmpty}</p>
      ) : (
        <ul class="attendance-log">
          {p.log.map((l) => (
            <li>
              <time datetime={l.changedAt.toISOString()}>{formatDateTime(p.locale, l.changedAt)}</time>:{' '}
              {t.logLine(l.changedBy ?? t.unknown, l.participant, presenceText(l.oldPresence, l.oldMinutes), presenceText(l.newPresence, l.newMinutes))}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/facilitate/meetings/${m.id}`}>{p.t.actions.back}</a>
      </p>
    </section>
  );
}
