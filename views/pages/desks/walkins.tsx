import type { Dict } from '../../i18n';
import type { Daypart } from '../../../db/schema/desks';

type Person = { userId: string; name: string; orgId: number; orgName: string };

function SpaceAndDaypart(p: { t: Dict; spaces: { id: number; name: string }[]; idPrefix: string }) {
  return (
    <>
      <label for={`${p.idPrefix}-space`}>{p.t.desks.guests.space}</label>
      <select id={`${p.idPrefix}-space`} name="space">
        {p.spaces.map((s) => (
          <option value={String(s.id)}>{s.name}</option>
        ))}
      </select>
      <label for={`${p.idPrefix}-daypart`}>{p.t.desks.guests.daypart}</label>
      <select id={`${p.idPrefix}-daypart`} name="daypart">
        {(['morning', 'afternoon'] as Daypart[]).map((d) => (
          <option value={d}>{p.t.dayparts[d]}</option>
        ))}
      </select>
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
  error: string | null;
  visitor: { name: string; organisation: string };
}) {
  const t = p.t.desks.walkIn;
  const action = `/host/walk-ins/${p.location.id}`;
  return (
    <section>
      <h1>{t.title(p.location.name)}</h1>
      <p>
        <a href={`/host/guests?location=${p.location.id}`}>{p.t.desks.nav.guests}</a>
      </p>
      {p.error && <p role="alert">{p.error}</p>}
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
              <p>
                <strong>{person.name}</strong> ({person.orgName})
              </p>
              <SpaceAndDaypart t={p.t} spaces={p.spaces} idPrefix={`walkin-${person.userId}-${person.orgId}`} />
              <button type="submit">
                {t.register}
                <span class="visually-hidden">{` ${person.name}`}</span>
              </button>
            </form>
          ))}
          <h2>{t.visitorTitle}</h2>
          <form method="post" action={`${action}/visitor`} class="walk-in-visitor">
            <p>{t.visitorHint}</p>
            <label for="visitor-name">{t.visitorName}</label>
            <input id="visitor-name" name="name" value={p.visitor.name} maxlength={120} required autocomplete="off" />
            <label for="visitor-org">{t.visitorOrg}</label>
            <input id="visitor-org" name="organisation" value={p.visitor.organisation} maxlength={120} required autocomplete="off" />
            <SpaceAndDaypart t={p.t} spaces={p.spaces} idPrefix="visitor" />
            <button type="submit">{t.registerVisitor}</button>
          </form>
        </>
      )}
    </section>
  );
}
