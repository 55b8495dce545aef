import type { Dict } from '../../i18n';
import type { Daypart } from '../../../db/schema/desks';

type Person = { userId: string; name: string; orgId: number; orgName: string };

/** Register a walk-in: find a professional of a partner organisation, then a space and dagdeel of today. */
export function WalkInPage(p: {
  t: Dict;
  location: { id: number; name: string };
  query: string;
  people: Person[];
  spaces: { id: number; name: string }[];
  error: string | null;
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
          <label>
            {p.t.desks.guests.space}
            <select name="space">
              {p.spaces.map((s) => (
                <option value={String(s.id)}>{s.name}</option>
              ))}
            </select>
          </label>
          <label>
            {p.t.desks.guests.daypart}
            <select name="daypart">
              {(['morning', 'afternoon'] as Daypart[]).map((d) => (
                <option value={d}>{p.t.dayparts[d]}</option>
              ))}
            </select>
          </label>
          <button type="submit">
            {t.register}
            <span class="visually-hidden">{` ${person.name}`}</span>
          </button>
        </form>
      ))}
    </section>
  );
}
