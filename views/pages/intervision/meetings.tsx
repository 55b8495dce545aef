import type { Dict, Locale } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { MEETING_KINDS, MEETING_METHODS, type GroupMemberStatus } from '../../../db/schema/intervision';
import type { Meeting, MeetingCard as Card, MeetingListCard, Participant } from '../../../src/intervision/meetings';
import type { Group } from '../../../src/intervision/groups';
import type { Membership } from '../../../src/types';
import { ConfirmDisclosure } from '../../partials/confirm';
import { ErrorSummary, type FormState } from '../../partials/form';
import { MeetingResults, Places, placeText, whenText, type Listing } from '../../partials/intervision/places';

export function MeetingsPage(p: {
  t: Dict;
  locale: Locale;
  meetings: MeetingListCard[];
  mine: Map<number, string>;
  listing: Listing;
  filters: Record<string, string>;
  towns: string[];
  orgs: { id: number; name: string }[];
}) {
  const t = p.t.intervision.list;
  const it = p.t.intervision;
  const f = p.filters;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form
        method="get"
        action="/meetings"
        class="filters"
        role="search"
        hx-get="/meetings"
        hx-trigger="change, submit"
        hx-target="#meeting-results"
        hx-swap="outerHTML"
        hx-sync="#meeting-results:replace"
        hx-push-url="true"
      >
        <fieldset class="grid">
          <legend>{t.filters}</legend>
          <label for="flt-kind">
            {t.kind}
            <select id="flt-kind" name="kind">
              <option value="">{t.any}</option>
              {MEETING_KINDS.map((k) => (
                <option value={k} selected={f.kind === k}>
                  {it.kinds[k]}
                </option>
              ))}
            </select>
          </label>
          <label for="flt-method">
            {t.method}
            <select id="flt-method" name="method">
              <option value="">{t.any}</option>
              {MEETING_METHODS.map((k) => (
                <option value={k} selected={f.method === k}>
                  {it.methods[k]}
                </option>
              ))}
            </select>
          </label>
          <label for="flt-where">
            {t.town}
            <select id="flt-where" name="where">
              <option value="">{t.anyTown}</option>
              <option value="online" selected={f.where === 'online'}>
                {t.online}
              </option>
              {p.towns.map((town) => (
                <option value={town} selected={f.where === town}>
                  {town}
                </option>
              ))}
            </select>
          </label>
          <label for="flt-org">
            {t.org}
            <select id="flt-org" name="org">
              <option value="">{t.any}</option>
              {p.orgs.map((o) => (
                <option value={String(o.id)} selected={f.org === String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label for="flt-from">
            {t.from}
            <input id="flt-from" type="date" name="from" value={f.from ?? ''} />
          </label>
        </fieldset>
        <button type="submit" class="secondary">
          {t.submit}
        </button>
      </form>
      <MeetingResults t={p.t} locale={p.locale} meetings={p.meetings} mine={p.mine} {...p.listing} />
    </section>
  );
}

export type MeetingView = {
  card: Card;
  group: Group | null;
  myStatus: 'registered' | 'waitlisted' | 'cancelled' | 'removed' | null;
  position: number | null;
  /** The person's organisations whose maximum per organisation is reached while places are free: signing up for them waits. */
  orgFull: number[];
  /** Waiting because their organisation's maximum is reached, not because the meeting is full. */
  waitingForOrg: boolean;
  /** Registered participants or the facilitator: may see names and the online link. */
  insider: boolean;
  manager: boolean;
  participants: Participant[];
  memberships: Membership[];
  now: Date;
};

export function MeetingPage(p: { t: Dict; locale: Locale; v: MeetingView; state: FormState }) {
  const t = p.t.intervision;
  const m = p.v.card;
  const open = m.status === 'scheduled' && p.v.now >= m.signupOpensAt && p.v.now < m.signupClosesAt;
  const full = m.registered >= m.maxParticipants;
  // Every organisation the person can sign up for is at its maximum: signing up means waiting.
  const waits = full || (p.v.memberships.length > 0 && p.v.memberships.every((ms) => p.v.orgFull.includes(ms.orgId)));
  const orgFullNames = p.v.memberships.filter((ms) => p.v.orgFull.includes(ms.orgId)).map((ms) => ms.orgName);
  const closedGroup = p.v.group?.closed ?? false;
  return (
    <section>
      <h1>{m.title}</h1>
      {m.status === 'cancelled' && (
        <p class="error-summary" role="alert">
          {t.detail.cancelledNotice}
        </p>
      )}
      {p.v.manager && (
        <p>
          <a href={`/facilitate/meetings/${m.id}`} role="button" class="secondary small">
            {t.detail.manage}
          </a>
        </p>
      )}
      <dl class="meeting-facts">
        <dt>{t.detail.when}</dt>
        <dd>
          {whenText(p.locale, m)}
          {p.v.insider && m.status === 'scheduled' && (
            <>
              <br />
              <a href={`/meetings/${m.id}/calendar.ics`}>{p.t.calendar.addToCalendar}</a>
            </>
          )}
        </dd>
        <dt>{t.detail.where}</dt>
        <dd>
          {placeText(p.t, m)}
          {m.placeKind === 'online' &&
            (p.v.insider && m.onlineUrl ? (
              <>
                <br />
                <a href={m.onlineUrl} rel="noopener noreferrer" target="_blank">
                  {t.detail.onlineLink}
                </a>
              </>
            ) : (
              <>
                <br />
                <small>{t.detail.onlineHidden}</small>
              </>
            ))}
        </dd>
        <dt>{t.detail.kind}</dt>
        <dd>{t.kinds[m.kind]}</dd>
        <dt>{t.detail.method}</dt>
        <dd>{t.methods[m.method]}</dd>
        <dt>{t.detail.facilitator}</dt>
        <dd>{m.facilitatorName}</dd>
        <dt>{t.detail.organiser}</dt>
        <dd>{m.orgName}</dd>
        <dt>{t.detail.places}</dt>
        <dd>
          {t.detail.minMax(m.minParticipants, m.maxParticipants)}
          {m.maxPerOrg !== null && (
            <>
              <br />
              {t.detail.perOrg(m.maxPerOrg)}
            </>
          )}
          <br />
          <span aria-live="polite">
            <Places t={p.t} m={m} registered={m.registered} waiting={m.waiting} poll />
          </span>
        </dd>
        <dt>{t.detail.signupWindow}</dt>
        <dd>{t.detail.signupFromTo(formatDateTime(p.locale, m.signupOpensAt), formatDateTime(p.locale, m.signupClosesAt))}</dd>
        <dt>{t.detail.cancelDeadline}</dt>
        <dd>{formatDateTime(p.locale, m.cancelDeadlineAt)}</dd>
        {p.v.group && (
          <>
            <dt>{t.detail.group}</dt>
            <dd>
              <a href={`/groups/${p.v.group.id}`}>{p.v.group.title}</a>
            </dd>
          </>
        )}
      </dl>
      {m.description && (
        <>
          <h2>{t.detail.description}</h2>
          <p class="prewrap">{m.description}</p>
        </>
      )}

      <h2>{t.signup.title}</h2>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} />
      {m.status === 'cancelled' ? (
        <p>{t.signup.cancelledMeeting}</p>
      ) : p.v.myStatus === 'registered' || p.v.myStatus === 'waitlisted' ? (
        <>
          <p class="status status-ok">
            {p.v.myStatus === 'registered'
              ? t.signup.youRegistered
              : p.v.waitingForOrg
                ? t.signup.youWaitingOrgFull(m.maxPerOrg ?? 0, p.v.position ?? 1)
                : t.signup.youWaiting(p.v.position ?? 1)}
          </p>
          {p.v.now < (p.v.myStatus === 'registered' ? m.cancelDeadlineAt : m.startsAt) &&
            (p.v.myStatus === 'registered' ? (
              <ConfirmDisclosure
                summary={t.signup.cancel}
                action={`/meetings/${m.id}/cancel-registration`}
                says={t.signup.cancelConfirm}
                submit={t.signup.cancelSubmit}
              />
            ) : (
              <ConfirmDisclosure
                summary={t.signup.leaveWaitlist}
                action={`/meetings/${m.id}/cancel-registration`}
                says={t.signup.leaveWaitlistConfirm}
                submit={t.signup.leaveWaitlistSubmit}
              />
            ))}
        </>
      ) : closedGroup ? (
        <p>
          {t.detail.closedGroup} <a href={`/groups/${p.v.group!.id}`}>{t.detail.toGroup}</a>
        </p>
      ) : p.v.myStatus === 'removed' ? (
        <p>{t.signup.removed}</p>
      ) : p.v.memberships.length === 0 ? (
        <p>{t.signup.noOrg}</p>
      ) : p.v.now < m.signupOpensAt ? (
        <p>{t.signup.notOpen(formatDateTime(p.locale, m.signupOpensAt))}</p>
      ) : !open ? (
        <p>{t.signup.closed}</p>
      ) : (
        <form method="post" action={`/meetings/${m.id}/signup`} class="narrow">
          {full && <p>{t.signup.fullNote}</p>}
          {!full && orgFullNames.length > 0 && (
            <p class="warning" id="f-org-full">
              {p.v.memberships.length === 1 ? t.signup.orgFullNote(m.maxPerOrg ?? 0) : t.signup.orgFullNoteFor(orgFullNames.join(', '), m.maxPerOrg ?? 0)}
            </p>
          )}
          {p.v.memberships.length > 1 && (
            <label for="f-orgId">
              {t.signup.asOrg}
              <select id="f-orgId" name="orgId">
                {p.v.memberships.map((ms) => (
                  <option value={String(ms.orgId)}>{ms.orgName}</option>
                ))}
              </select>
            </label>
          )}
          <label for="f-bringsCase">
            <input type="checkbox" id="f-bringsCase" name="bringsCase" value="1" aria-describedby="f-bringsCase-hint" /> {t.signup.bringsCase}
          </label>
          <small id="f-bringsCase-hint" class="case-note">
            {t.signup.caseNote}
          </small>
          <button type="submit">{waits ? t.signup.submitWaitlist : t.signup.submit}</button>
        </form>
      )}

      <h2>{t.detail.participants}</h2>
      {p.v.insider ? (
        p.v.participants.length === 0 ? (
          <p>{t.detail.noParticipants}</p>
        ) : (
          <ul class="participants">
            {p.v.participants.map((x) => (
              <li>
                {x.name} ({x.orgName}){x.bringsCase && <> — {t.detail.bringsCase}</>}
              </li>
            ))}
          </ul>
        )
      ) : (
        <p>{t.detail.participantsHidden}</p>
      )}
    </section>
  );
}

export function GroupPage(p: {
  t: Dict;
  locale: Locale;
  group: Group;
  meetings: Meeting[];
  memberStatus: GroupMemberStatus | null;
  position: number | null;
  members: { id: number; name: string; orgName: string; status: string }[] | null;
  canJoin: boolean;
  /** A closed group: whether the viewer's organisation would get a place now, and how many wait. */
  room: { fits: boolean; waiting: number } | null;
  /** The facilitator or an org admin of the organising organisation: may take members out. */
  manager: boolean;
  state: FormState;
}) {
  const t = p.t.intervision;
  const g = p.group;
  return (
    <section>
      <h1>{t.group.title(g.title)}</h1>
      <p>{g.closed ? t.group.closed : t.group.open}</p>
      <p>{t.group.cadence(g.cadenceWeeks, g.count)}</p>
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} />
      {g.closed &&
        (p.memberStatus === 'registered' || p.memberStatus === 'waitlisted' ? (
          <>
            <p class="status status-ok">{p.memberStatus === 'registered' ? t.group.youMember : t.group.youWaiting(p.position ?? 1)}</p>
            <ConfirmDisclosure summary={t.group.leave} action={`/groups/${g.id}/leave`} says={t.group.leaveConfirm} submit={t.group.leaveSubmit} />
          </>
        ) : p.memberStatus === 'removed' ? (
          <p>{t.group.removedYou}</p>
        ) : (
          p.canJoin && (
            <form method="post" action={`/groups/${g.id}/join`} class="narrow">
              {p.room && !p.room.fits && <p>{t.group.full(g.maxParticipants, p.room.waiting)}</p>}
              <button type="submit">{p.room && !p.room.fits ? t.group.joinWaitlist : t.group.join}</button>
            </form>
          )
        ))}
      <h2>{t.group.meetings}</h2>
      <ul>
        {p.meetings.map((m) => (
          <li>
            <a href={`/meetings/${m.id}`}>{whenText(p.locale, m)}</a>
            {m.status === 'cancelled' && <> ({t.places.cancelled})</>}
          </li>
        ))}
      </ul>
      {p.members && (
        <>
          <h2>{t.group.members}</h2>
          <ul>
            {p.members.map((x) => (
              <li>
                {x.name} ({x.orgName}){x.status === 'waitlisted' && <> — {t.statuses.waitlisted}</>}
                {p.manager && g.closed && (
                  <ConfirmDisclosure
                    summary={t.group.remove}
                    action={`/groups/${g.id}/members/${x.id}/remove`}
                    says={t.group.removeConfirm(x.name)}
                    submit={`${t.group.remove}: ${x.name}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
