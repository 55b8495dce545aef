// The search page's shape and nothing else (issue #18: "a prototype of the same page shape did
// 5.7% of hello"), on the same database file as the server under test, to tell the stack's cost
// from the page's: the session read (the same statement as the app), the open spaces of a town
// in result order with the number found, the places taken over the 20 shown, and a page of the
// same markup and weight drawn with hono/jsx, brotli quality 1 when accepted. None of the app's
// rules (visibility, closures, fair share, reservations, deadlines, holidays), no middleware
// (security headers, CSRF, language, request log), no caches: what an untuned page of this shape
// costs on this machine. One process (the app runs one per core), so its 1-connection figures are
// the ones to compare. Read-only; run by bench/bench.ts like hello-server.ts.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';

const db = new Database(process.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
const sessionRead = db.prepare(
  `select s.expires_at as expiresAt, u.name as name,
     (select json_group_array(json_array(m.org_id, o.name, m.role)) from memberships m join organisations o on o.id = m.org_id where m.user_id = u.id) as memberships
   from sessions s join users u on u.id = s.user_id where s.id = ?`,
);
const openSpaces = `from spaces s join locations l on l.id = s.location_id join organisations o on o.id = l.org_id
  where l.town = @town and l.archived_at is null and s.active = 1`;
const countFound = db.prepare(`select count(*) ${openSpaces}`).pluck();
const pageOfSpaces = db.prepare(
  `select s.id as id, s.name as name, s.kind as kind, s.capacity as capacity, s.amenities as amenities,
     l.id as locationId, l.name as locationName, l.street as street, l.town as town, o.name as hostName
   ${openSpaces} order by l.town, l.name, s.name, s.id limit 20`,
);
const placesTaken = db
  .prepare(
    `select space_id, daypart, count(*) from bookings
     where space_id in (select value from json_each(?)) and date = ? and status in ('confirmed','pending') group by space_id, daypart`,
  )
  .raw();

type Space = {
  id: number;
  name: string;
  kind: string;
  capacity: number;
  amenities: number;
  locationId: number;
  locationName: string;
  street: string;
  town: string;
  hostName: string;
};
const AMENITIES = [
  'Guest wifi',
  'Coffee and tea',
  'Monitor',
  'Room for phone calls',
  'Parking',
  'Wheelchair accessible',
  'Lunch facilities',
  'Behavioural scientist available for consultation',
];
const KINDS: Record<string, string> = { flexplek: 'Flexible desk', stilteruimte: 'Quiet room', overlegruimte: 'Meeting room' };
const NAV = ['Home', 'Find a desk', 'My bookings', 'Consult hours', 'Intervision', 'My reflection hours', 'Notifications', 'My account'];

function Card({ s, free, date }: { s: Space; free: number; date: string }) {
  return (
    <article class="space-card">
      <h3 id={`s${s.id}`}>
        <a href={`/desks/spaces/${s.id}?week=${date}`}>{s.name}</a>
      </h3>
      <p id={`l${s.id}`}>
        {s.locationName}, {s.street}, {s.town} · {s.hostName}
      </p>
      <p>
        {KINDS[s.kind] ?? s.kind} · {s.capacity} desks
      </p>
      <p class="amenities">{AMENITIES.filter((_, i) => s.amenities & (1 << i)).join(' · ')}</p>
      <p class="free">
        {free} of {s.capacity} free
      </p>
      <form method="post" action={`/desks/spaces/${s.id}/book`} hx-boost="true">
        <details>
          <summary id={`n${s.id}`}>Note for the host</summary>
          <textarea name="note" maxlength={280} aria-labelledby={`n${s.id}`} />
        </details>
        <button type="submit" id={`b${s.id}`} name="slot" value={`${date} morning`} aria-labelledby={`b${s.id} s${s.id} l${s.id}`}>
          Book
        </button>
      </form>
    </article>
  );
}

function Page({
  name,
  town,
  date,
  found,
  spaces,
  taken,
}: {
  name: string;
  town: string;
  date: string;
  found: number;
  spaces: Space[];
  taken: Map<string, number>;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Find a desk · Gastplek</title>
        <link rel="stylesheet" href="/static/vendor/pico.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer />
      </head>
      <body>
        <header class="container">
          <nav aria-label="Main menu">
            <ul class="nav-links">
              {NAV.map((n, i) => (
                <li>
                  <a href={`/${i}`}>{n}</a>
                </li>
              ))}
            </ul>
            <p>{name}</p>
          </nav>
        </header>
        <main id="main" class="container">
          <h1>Find a desk</h1>
          <form method="get" action="/desks" class="desk-search" hx-get="/desks" hx-target="#desk-results" hx-swap="outerHTML" hx-push-url="true">
            <label for="f-date">Date</label>
            <input id="f-date" name="date" type="date" value={date} required />
            <label for="f-daypart">Part of the day</label>
            <select id="f-daypart" name="daypart">
              <option value="morning" selected>
                morning
              </option>
              <option value="afternoon">afternoon</option>
              <option value="whole">whole day</option>
            </select>
            <label for="f-town">Town</label>
            <input id="f-town" name="town" type="search" maxlength={80} value={town} />
            <label for="f-host">Organisation</label>
            <input id="f-host" name="host" type="search" maxlength={120} value="" />
            <fieldset class="amenity-filter">
              <legend>Amenities</legend>
              {AMENITIES.map((a, i) => (
                <label>
                  <input type="checkbox" name="amenities" value={String(i)} /> {a}
                </label>
              ))}
            </fieldset>
            <button type="submit">Search</button>
          </form>
          <section id="desk-results">
            <h2>Free desks on {date}, morning</h2>
            <p>
              Workspaces 1–{spaces.length} of {found}
            </p>
            <div class="space-cards">
              {spaces.map((s) => (
                <Card s={s} date={date} free={s.capacity - (taken.get(`${s.id} morning`) ?? 0)} />
              ))}
            </div>
          </section>
        </main>
        <footer class="container">
          <small>
            Work at each other’s offices, learn from each other · <a href="/privacy">Privacy</a>
          </small>
        </footer>
      </body>
    </html>
  );
}

const app = new Hono();
app.get('/ready', (c) => c.text('ready'));
app.get('/desks', (c) => {
  const token = getCookie(c, 'gastplek_session');
  const session = token
    ? (sessionRead.get(createHash('sha256').update(token).digest('hex')) as { expiresAt: number; name: string; memberships: string } | undefined)
    : undefined;
  if (!session || session.expiresAt * 1000 < Date.now()) return c.redirect('/login');
  JSON.parse(session.memberships);
  const town = c.req.query('town') ?? '';
  const date = c.req.query('date') ?? '';
  const found = countFound.get({ town }) as number;
  const spaces = pageOfSpaces.all({ town }) as Space[];
  const taken = new Map<string, number>();
  for (const [id, daypart, n] of placesTaken.all(JSON.stringify(spaces.map((s) => s.id)), date) as [number, string, number][]) taken.set(`${id} ${daypart}`, n);
  const html = `<!DOCTYPE html>${(<Page name={session.name} town={town} date={date} found={found} spaces={spaces} taken={taken} />).toString()}`;
  c.header('Content-Type', 'text/html; charset=UTF-8');
  if (!/\bbr\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(html);
  c.header('Content-Encoding', 'br');
  return c.body(
    brotliCompressSync(html, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: html.length, [constants.BROTLI_PARAM_LGWIN]: 16 },
    }) as Uint8Array<ArrayBuffer>,
  );
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`page shape listening on ${info.port}`);
});
