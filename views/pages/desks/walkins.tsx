import type { Dict } from '../../i18n';
import type { Daypart } from '../../../db/schema/desks';
import { ErrorSummary, Field, Select, type FormState } from '../../partials/form';
import { NoticeLine } from '../../partials/notice';
import type { ClosedReason, Refusal } from '../../../src/desks/rules';
import { refusalText } from './space';

type Person = { userId: string; name: string; orgId: number; orgName: string };

/**
 * A refused registration: of a person found (said in that person's form, naming them), or of a
 * visitor (the visitor form with its fields' messages and what was typed and chosen).
 */
export type WalkInRefusal =
  | { form: 'person'; userId: string; orgId: string; message: string; chosen: FormState['values'] }
  | { form: 'visitor'; state: FormState };

/** The dagdeel asked for and the time it ended (`daypartEnded`). */
export type EndedDaypart = { daypart: Daypart; end: string };

/** "De middag van vandaag is om 17:00 afgelopen. …" */
export function daypartEndedText(t: Dict, ended: EndedDaypart): string {
  return t.desks.walkIn.refusals.daypartEnded(t.dayparts[ended.daypart], ended.end);
}

/**
 * Why a person was not registered, said to the host about the guest (the booking's own texts
 * speak to the guest: "you already have a booking"), naming them when they are known.
 */
export function walkInRefusalText(t: Dict, reason: Refusal, person: Person | null, closed?: ClosedReason, ended?: EndedDaypart): string {
  const w = t.desks.walkIn.refusals;
  const why =
    reason === 'daypart_ended' && ended
      ? daypartEndedText(t, ended)
      : reason === 'already_booked'
        ? w.alreadyBooked
        : reason === 'own_org'
          ? w.ownOrg
          : reason === 'not_shared' && person
            ? w.notShared(person.orgName)
            : reason === 'org_share_full' && person
              ? w.orgShareFull(person.orgName)
              : refusalText(t, reason, 8, closed);
  return person ? t.desks.walkIn.notRegistered(person.name, why) : why;
}

/** The space and dagdeel of today, with what a refused form had chosen (`state`) chosen again. */
function SpaceAndDaypart(p: { t: Dict; spaces: { id: number; name: string }[]; idPrefix: string; state: FormState }) {
  return (
    <>
      <Select
        state={p.state}
        name="space"
        label={p.t.desks.guests.space}
        idPrefix={p.idPrefix}
        options={p.spaces.map((s) => ({ value: String(s.id), label: s.name }))}
      />
      <Select
        state={p.state}
        name="daypart"
        label={p.t.desks.guests.daypart}
        idPrefix={p.idPrefix}
        options={(['morning', 'afternoon'] as Daypart[]).map((d) => ({ value: d, label: p.t.dayparts[d] }))}
      />
    </>
  );
}

/**
 * Register a walk-in: find a professional of a partner organisation, then a space and dagdeel of
 * today; or a visitor without an account, by name and organisation only.
 */
export function WalkInPage(p: {
  t: Dict;
  location: { id: number; name: string };
  query: string;
  /** Characters the person search needs before it looks (`PARTNER_QUERY_MIN`). */
  minQuery: number;
  people: Person[];
  spaces: { id: number; name: string }[];
  refusal: WalkInRefusal | null;
}) {
  const t = p.t.desks.walkIn;
  const action = `/host/walk-ins/${p.location.id}`;
  const refused = p.refusal;
  const personRefused = (person: Person) => refused?.form === 'person' && refused.userId === person.userId && refused.orgId === String(person.orgId);
  // Said at the top when its form is not drawn: someone no longer found (the form was changed by
  // hand), or no active space left (the last one was closed meanwhile), so no form at all.
  const noForms = p.spaces.length === 0;
  const unplaced =
    refused?.form === 'person' && (noForms || !p.people.some(personRefused))
      ? refused.message
      : refused?.form === 'visitor' && noForms
        ? (refused.state.errors?._form ?? Object.values(refused.state.errors ?? {})[0] ?? null)
        : null;
  const visitorState: FormState = refused?.form === 'visitor' ? refused.state : {};
  return (
    <section>
      <h1>{t.title(p.location.name)}</h1>
      <p>
        <a href={`/host/guests?location=${p.location.id}`}>{p.t.desks.nav.guests}</a>
      </p>
      {unplaced && <NoticeLine notice={{ kind: 'error', text: unplaced }} />}
      {p.spaces.length === 0 ? (
        <p>{t.noSpaces}</p>
      ) : (
        <>
          <h2>{t.accountTitle}</h2>
          <form method="get" action={action}>
            <label for="walkin-q">{t.search}</label>
            <input id="walkin-q" name="q" value={p.query} maxlength={120} />
            <small>{t.searchHint}</small>
            <button type="submit">{t.find}</button>
          </form>
          {p.query.trim().length > 0 && p.query.trim().length < p.minQuery && <p>{t.tooShort(p.minQuery)}</p>}
          {p.query.trim().length >= p.minQuery && p.people.length === 0 && <p>{t.none}</p>}
          {p.people.map((person) => {
            const mine = refused?.form === 'person' && personRefused(person) ? refused : null;
            return (
              <form method="post" action={action} class="walk-in">
                <input type="hidden" name="user" value={person.userId} />
                <input type="hidden" name="org" value={String(person.orgId)} />
                {/* The search, so that a refusal can show the same list again with its reason in this form. */}
                <input type="hidden" name="q" value={p.query} />
                <p>
                  <strong>{person.name}</strong> ({person.orgName})
                </p>
                {mine && <NoticeLine notice={{ kind: 'error', text: mine.message }} />}
                <SpaceAndDaypart t={p.t} spaces={p.spaces} idPrefix={`walkin-${person.userId}-${person.orgId}`} state={{ values: mine?.chosen }} />
                <button type="submit">
                  {t.register}
                  <span class="visually-hidden">{` ${person.name}`}</span>
                </button>
              </form>
            );
          })}
          <h2>{t.visitorTitle}</h2>
          <form method="post" action={`${action}/visitor`} class="walk-in-visitor" novalidate>
            <ErrorSummary
              state={visitorState}
              title={p.t.form.errorSummary}
              idPrefix="visitor"
              ids={{ organisation: 'visitor-org' }}
              labels={{ name: t.visitorName, organisation: t.visitorOrg, space: p.t.desks.guests.space, daypart: p.t.desks.guests.daypart }}
            />
            <p>{t.visitorHint}</p>
            <Field state={visitorState} name="name" idPrefix="visitor" label={t.visitorName} maxlength={120} required autocomplete="off" />
            <Field state={visitorState} name="organisation" id="visitor-org" label={t.visitorOrg} maxlength={120} required autocomplete="off" />
            <SpaceAndDaypart t={p.t} spaces={p.spaces} idPrefix="visitor" state={visitorState} />
            <button type="submit">{t.registerVisitor}</button>
          </form>
        </>
      )}
    </section>
  );
}
