import type { Dict } from '../../i18n';
import type { Daypart } from '../../../db/schema/desks';
import { ErrorSummary, type FormState } from '../../partials/form';
import type { ClosedReason, Refusal } from '../../../src/desks/rules';
import { refusalText } from './space';

type Person = { userId: string; name: string; orgId: number; orgName: string };

/** The space and dagdeel a refused form had chosen, chosen again. */
type Chosen = { space?: string; daypart?: string };

/**
 * A refused registration: of a person found (said in that person's form, naming them), or of a
 * visitor (the visitor form with its fields' messages and what was typed and chosen).
 */
export type WalkInRefusal = { form: 'person'; userId: string; orgId: string; message: string; chosen: Chosen } | { form: 'visitor'; state: FormState };

/**
 * Why a person was not registered, said to the host about the guest (the booking's own texts
 * speak to the guest: "you already have a booking"), naming them when they are known.
 */
export function walkInRefusalText(t: Dict, reason: Refusal, person: Person | null, closed?: ClosedReason): string {
  const w = t.desks.walkIn.refusals;
  const why =
    reason === 'already_booked'
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

function SpaceAndDaypart(p: { t: Dict; spaces: { id: number; name: string }[]; idPrefix: string; chosen?: Chosen; errors?: Record<string, string> }) {
  const err = p.errors ?? {};
  return (
    <>
      <label for={`${p.idPrefix}-space`}>{p.t.desks.guests.space}</label>
      <select
        id={`${p.idPrefix}-space`}
        name="space"
        aria-invalid={err.space ? 'true' : undefined}
        aria-describedby={err.space ? `${p.idPrefix}-space-err` : undefined}
      >
        {p.spaces.map((s) => (
          <option value={String(s.id)} selected={p.chosen?.space === String(s.id)}>
            {s.name}
          </option>
        ))}
      </select>
      {err.space && (
        <small id={`${p.idPrefix}-space-err`} class="error">
          {err.space}
        </small>
      )}
      <label for={`${p.idPrefix}-daypart`}>{p.t.desks.guests.daypart}</label>
      <select
        id={`${p.idPrefix}-daypart`}
        name="daypart"
        aria-invalid={err.daypart ? 'true' : undefined}
        aria-describedby={err.daypart ? `${p.idPrefix}-daypart-err` : undefined}
      >
        {(['morning', 'afternoon'] as Daypart[]).map((d) => (
          <option value={d} selected={p.chosen?.daypart === d}>
            {p.t.dayparts[d]}
          </option>
        ))}
      </select>
      {err.daypart && (
        <small id={`${p.idPrefix}-daypart-err`} class="error">
          {err.daypart}
        </small>
      )}
    </>
  );
}

/** A visitor field with its message, if any. */
function VisitorField(p: { id: string; name: string; label: string; state: FormState }) {
  const value = p.state.values?.[p.name];
  const err = p.state.errors?.[p.name];
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name}
        value={typeof value === 'string' ? value : ''}
        maxlength={120}
        required
        autocomplete="off"
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? `${p.id}-err` : undefined}
      />
      {err && (
        <small id={`${p.id}-err`} class="error">
          {err}
        </small>
      )}
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
      {unplaced && (
        <p class="notice notice-error" role="alert" tabindex={-1} autofocus>
          {unplaced}
        </p>
      )}
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
          {p.query.trim().length >= 2 && p.people.length === 0 && <p>{t.none}</p>}
          {p.people.map((person) => (
            <form method="post" action={action} class="walk-in">
              <input type="hidden" name="user" value={person.userId} />
              <input type="hidden" name="org" value={String(person.orgId)} />
              {/* The search, so that a refusal can show the same list again with its reason in this form. */}
              <input type="hidden" name="q" value={p.query} />
              <p>
                <strong>{person.name}</strong> ({person.orgName})
              </p>
              {refused?.form === 'person' && personRefused(person) && (
                <p class="notice notice-error" role="alert" tabindex={-1} autofocus>
                  {refused.message}
                </p>
              )}
              <SpaceAndDaypart
                t={p.t}
                spaces={p.spaces}
                idPrefix={`walkin-${person.userId}-${person.orgId}`}
                chosen={refused?.form === 'person' && personRefused(person) ? refused.chosen : undefined}
              />
              <button type="submit">
                {t.register}
                <span class="visually-hidden">{` ${person.name}`}</span>
              </button>
            </form>
          ))}
          <h2>{t.visitorTitle}</h2>
          <form method="post" action={`${action}/visitor`} class="walk-in-visitor" novalidate>
            <ErrorSummary state={visitorState} title={p.t.form.errorSummary} />
            <p>{t.visitorHint}</p>
            <VisitorField id="visitor-name" name="name" label={t.visitorName} state={visitorState} />
            <VisitorField id="visitor-org" name="organisation" label={t.visitorOrg} state={visitorState} />
            <SpaceAndDaypart
              t={p.t}
              spaces={p.spaces}
              idPrefix="visitor"
              chosen={{ space: String(visitorState.values?.space ?? ''), daypart: String(visitorState.values?.daypart ?? '') }}
              errors={visitorState.errors}
            />
            <button type="submit">{t.registerVisitor}</button>
          </form>
        </>
      )}
    </section>
  );
}
