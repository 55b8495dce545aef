import { describe, expect, it } from 'vitest';
import { countRows, createUser, html, loginAs, text } from '../helpers';
import { memberships } from '../../db/schema';
import { updateMeeting } from '../../src/intervision/meeting-changes';
import { instantOf } from '../../src/lib/time';
import { DEFAULT_MEETING, lists, mailsTo, makeMeeting, member, network, oneTakenOneWaiting, statusOf } from './fixtures';

describe('intervision: sign-up, waiting list and moving up', () => {
  it('done-when journey: facilitator publishes a mixed meeting, three organisations sign up, the fourth waits and moves up when someone cancels', async () => {
    const ta = await network();
    const { orgs } = ta;
    const fac = await member(ta, orgs.icare.id, 'Begeleider', { roles: ['facilitator'] });
    const res = await fac.client.post('/facilitate/meetings/new', {
      orgId: String(orgs.icare.id),
      title: 'Gemengde intervisie',
      kind: 'intervisie',
      method: 'tienstappen',
      description: '',
      date: '2026-12-10',
      start: '14:00',
      end: '16:00',
      placeKind: 'address',
      address: 'Stationsplein 1',
      town: 'Harderwijk',
      min: '2',
      max: '3',
      maxPerOrg: '1',
      opensDate: '2026-11-23',
      opensTime: '00:00',
      closesDate: '2026-12-09',
      closesTime: '17:00',
      cancelDate: '2026-12-09',
      cancelTime: '17:00',
      visibility: 'all',
    });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('/').pop());
    const a = await member(ta, orgs.ggd.id, 'Anna GGD');
    const b = await member(ta, orgs.cjg.id, 'Bart CJG');
    const c = await member(ta, orgs.lokalis.id, 'Cas Lokalis');
    const d = await member(ta, orgs.icare.id, 'Dirk Icare');
    for (const p of [a, b, c]) expect((await p.client.post(`/meetings/${id}/signup`, {})).status).toBe(303);
    const waitRes = await d.client.post(`/meetings/${id}/signup`, { bringsCase: '1' });
    expect(waitRes.status).toBe(303);
    const page = await html(await d.client.get(`/meetings/${id}`));
    expect(text(page)).toContain('Je staat op de wachtlijst, op plaats 1.');
    expect(lists(ta.db, id)).toEqual({ registered: ['Anna GGD', 'Bart CJG', 'Cas Lokalis'], waiting: ['Dirk Icare'] });

    expect((await b.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
    expect(lists(ta.db, id)).toEqual({ registered: ['Anna GGD', 'Cas Lokalis', 'Dirk Icare'], waiting: [] });
    const mails = mailsTo(ta.db, d.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Je bent doorgeschoven: Gemengde intervisie');
    expect(mails[0]!.body).toContain('do 10 dec 2026, 14:00–16:00');
  });

  it('two simultaneous cancellations move up exactly the first two waiting people, in order', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 2, minParticipants: 1 });
    const r1 = await member(ta, orgs.ggd.id, 'R1');
    const r2 = await member(ta, orgs.cjg.id, 'R2');
    const waiting = [];
    for (const [i, org] of [orgs.lokalis, orgs.icare, orgs.ggd].entries()) waiting.push(await member(ta, org.id, `W${i + 1}`));
    for (const p of [r1, r2, ...waiting]) {
      await p.client.post(`/meetings/${id}/signup`);
      ta.clock.advance(1000);
    }
    expect(lists(db, id).waiting).toEqual(['W1', 'W2', 'W3']);
    const results = await Promise.all([r1.client.post(`/meetings/${id}/cancel-registration`), r2.client.post(`/meetings/${id}/cancel-registration`)]);
    expect(results.map((r) => r.status)).toEqual([303, 303]);
    expect(lists(db, id)).toEqual({ registered: ['W1', 'W2'], waiting: ['W3'] });
    expect(mailsTo(db, waiting[0]!.email)).toHaveLength(1);
    expect(mailsTo(db, waiting[1]!.email)).toHaveLength(1);
    expect(mailsTo(db, waiting[2]!.email)).toHaveLength(0);
  });

  it('many simultaneous sign-ups for the last place: one wins, the rest wait in arrival order', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 3, minParticipants: 1 });
    for (const n of ['X1', 'X2']) await (await member(ta, orgs.ggd.id, n)).client.post(`/meetings/${id}/signup`);
    const crowd = [];
    for (let i = 0; i < 12; i++) crowd.push(await member(ta, orgs.cjg.id, `C${String(i).padStart(2, '0')}`));
    const responses = await Promise.all(crowd.map((p) => p.client.post(`/meetings/${id}/signup`)));
    expect(responses.every((r) => r.status === 303)).toBe(true);
    const { registered, waiting } = lists(db, id);
    expect(registered).toHaveLength(3);
    expect(waiting).toHaveLength(11);
    expect(new Set([...registered, ...waiting]).size).toBe(14);
    // Arrival order = the order the transactions took the write lock; each person's shown position matches it.
    for (const [i, name] of waiting.entries()) {
      const p = crowd.find((x) => x.name === name)!;
      expect(text(await html(await p.client.get(`/meetings/${id}`)))).toContain(`op plaats ${i + 1}.`);
    }
    // And the waiting list is served in exactly that order.
    const winner = crowd.find((x) => registered.includes(x.name))!;
    await winner.client.post(`/meetings/${id}/cancel-registration`);
    expect(lists(db, id).registered).toContain(waiting[0]);
    expect(countRows(db, 'registrations')).toBe(14);
  });

  it('per-organisation maximum: the waiting list skips a person whose organisation is full, who keeps their place', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 3, minParticipants: 1, maxPerOrg: 2 });
    const g1 = await member(ta, orgs.ggd.id, 'G1');
    const g2 = await member(ta, orgs.ggd.id, 'G2');
    const c1 = await member(ta, orgs.cjg.id, 'C1');
    const g3 = await member(ta, orgs.ggd.id, 'G3');
    const l1 = await member(ta, orgs.lokalis.id, 'L1');
    for (const p of [g1, g2, c1, g3, l1]) {
      await p.client.post(`/meetings/${id}/signup`);
      ta.clock.advance(1000);
    }
    expect(lists(db, id)).toEqual({ registered: ['C1', 'G1', 'G2'], waiting: ['G3', 'L1'] });
    // C1 leaves: G3 is first, but GGD already has 2 → L1 moves up, G3 keeps first place.
    await c1.client.post(`/meetings/${id}/cancel-registration`);
    expect(lists(db, id)).toEqual({ registered: ['G1', 'G2', 'L1'], waiting: ['G3'] });
    expect(mailsTo(db, l1.email)).toHaveLength(1);
    expect(mailsTo(db, g3.email)).toHaveLength(0);
    // A GGD place frees: G3 moves up.
    await g1.client.post(`/meetings/${id}/cancel-registration`);
    expect(lists(db, id)).toEqual({ registered: ['G2', 'G3', 'L1'], waiting: [] });
  });

  it('a full organisation joins the waiting list even when places are free', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 5, minParticipants: 1, maxPerOrg: 1 });
    await (await member(ta, orgs.ggd.id, 'G1')).client.post(`/meetings/${id}/signup`);
    await (await member(ta, orgs.ggd.id, 'G2')).client.post(`/meetings/${id}/signup`);
    expect(lists(db, id)).toEqual({ registered: ['G1'], waiting: ['G2'] });
  });

  it('sign-up only inside the window: before opening and after closing → refused with a message, nothing stored', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { signupOpensAt: instantOf('2026-11-25', '09:00') });
    const p = await member(ta, orgs.ggd.id, 'Vroeg');
    const early = await p.client.post(`/meetings/${id}/signup`);
    expect(early.status).toBe(409);
    expect(text(await html(early))).toContain('Aanmelden kan vanaf wo 25 nov 2026, 09:00.');
    ta.clock.set('2026-12-09T16:00:01Z'); // 17:00:01 Amsterdam, just after closing
    const late = await p.client.post(`/meetings/${id}/signup`);
    expect(late.status).toBe(409);
    expect(text(await html(late))).toContain('Aanmelden is gesloten.');
    expect(countRows(db, 'registrations')).toBe(0);
    ta.clock.set('2026-11-25T08:00:00Z');
    expect((await p.client.post(`/meetings/${id}/signup`)).status).toBe(303);
  });

  it('cancel only before the deadline; leaving the waiting list stays possible until the start', async () => {
    const ta = await network();
    const { db } = ta;
    const { id, a, w } = await oneTakenOneWaiting(ta);
    ta.clock.set('2026-12-09T16:30:00Z'); // after the 17:00 deadline
    const res = await a.client.post(`/meetings/${id}/cancel-registration`);
    expect(res.status).toBe(409);
    expect(text(await html(res))).toContain('De termijn om af te melden is verstreken.');
    expect(statusOf(db, id, a.id)).toBe('registered');
    expect((await w.client.post(`/meetings/${id}/cancel-registration`)).status).toBe(303);
    expect(statusOf(db, id, w.id)).toBe('cancelled');
  });

  it('a person has one registration per meeting: a second sign-up is refused, re-signing after cancelling reuses the row', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id);
    const p = await member(ta, orgs.ggd.id, 'P');
    await p.client.post(`/meetings/${id}/signup`);
    const again = await p.client.post(`/meetings/${id}/signup`);
    expect(again.status).toBe(409);
    expect(text(await html(again))).toContain('Je bent al aangemeld');
    await p.client.post(`/meetings/${id}/cancel-registration`);
    expect((await p.client.post(`/meetings/${id}/signup`, { bringsCase: 'on' })).status).toBe(303);
    expect(countRows(db, 'registrations')).toBe(1);
    expect(statusOf(db, id, p.id)).toBe('registered');
  });

  it('lowering the maximum never drops anyone; new sign-ups wait; raising it moves people up', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 3, minParticipants: 1 });
    const people = [];
    for (const n of ['P1', 'P2', 'P3']) people.push(await member(ta, orgs.ggd.id, n));
    for (const p of people) await p.client.post(`/meetings/${id}/signup`);
    const by = { userId: facilitator.id, adminOrgIds: [] };
    updateMeeting(db, id, by, { ...DEFAULT_MEETING(), orgId: orgs.icare.id, minParticipants: 1, maxParticipants: 2 }, ta.clock.now(), '');
    expect(lists(db, id).registered).toEqual(['P1', 'P2', 'P3']);
    const late = await member(ta, orgs.cjg.id, 'Laat');
    const late2 = await member(ta, orgs.cjg.id, 'Laat2');
    await late.client.post(`/meetings/${id}/signup`);
    await late2.client.post(`/meetings/${id}/signup`);
    expect(lists(db, id).waiting).toEqual(['Laat', 'Laat2']);
    await people[0]!.client.post(`/meetings/${id}/cancel-registration`);
    expect(lists(db, id)).toEqual({ registered: ['P2', 'P3'], waiting: ['Laat', 'Laat2'] });
    updateMeeting(db, id, by, { ...DEFAULT_MEETING(), orgId: orgs.icare.id, minParticipants: 1, maxParticipants: 3 }, ta.clock.now(), '');
    expect(lists(db, id)).toEqual({ registered: ['Laat', 'P2', 'P3'], waiting: ['Laat2'] });
  });

  it('move-up mail goes to the right person in their own language', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 1, minParticipants: 1, title: 'Balint-groep' });
    const nl = await member(ta, orgs.ggd.id, 'Nederlandstalig');
    const en = await member(ta, orgs.cjg.id, 'English Speaker', { locale: 'en' });
    await nl.client.post(`/meetings/${id}/signup`);
    await en.client.post(`/meetings/${id}/signup`);
    await nl.client.post(`/meetings/${id}/cancel-registration`);
    const mails = mailsTo(db, en.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('You moved up: Balint-groep');
    expect(mails[0]!.body).toContain('Dear English Speaker');
    expect(mails[0]!.body).toContain('Thu, 10 Dec 2026, 14:00–16:00');
    expect(mailsTo(db, nl.email)).toHaveLength(0);
  });

  it('facilitator removes a participant: they are told and the first waiting person moves up', async () => {
    const ta = await network();
    const { db, facilitator } = ta;
    const { id, a, w } = await oneTakenOneWaiting(ta);
    const regId = (db.$client.prepare('select id from registrations where user_id = ?').get(a.id) as { id: number }).id;
    const fac = await (await import('../helpers')).loginAs(ta.app, facilitator.email);
    expect((await fac.post(`/facilitate/meetings/${id}/participants/${regId}/remove`)).status).toBe(303);
    expect(lists(db, id)).toEqual({ registered: ['W'], waiting: [] });
    expect(mailsTo(db, a.email)[0]!.subject).toContain('Afgemeld door de begeleider');
    expect(mailsTo(db, w.email)[0]!.subject).toContain('Je bent doorgeschoven');
    // Removed people cannot sign themselves in again.
    expect((await a.client.post(`/meetings/${id}/signup`)).status).toBe(409);
  });

  it('fellow participants and the online link are hidden until registered (also from people on the waiting list)', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, {
      maxParticipants: 1,
      minParticipants: 1,
      placeKind: 'online',
      address: null,
      town: null,
      onlineUrl: 'https://meet.example.org/geheim-123',
    });
    const a = await member(ta, orgs.ggd.id, 'Zichtbare Deelnemer');
    const w = await member(ta, orgs.cjg.id, 'Wachtende');
    const before = await (await w.client.get(`/meetings/${id}`)).text();
    expect(before).not.toContain('geheim-123');
    await a.client.post(`/meetings/${id}/signup`);
    await w.client.post(`/meetings/${id}/signup`);
    const waitingView = await w.client.get(`/meetings/${id}`);
    const body = await waitingView.text();
    expect(body).not.toContain('geheim-123');
    expect(body).not.toContain('Zichtbare Deelnemer');
    expect(body).toContain('Namen van de andere deelnemers zie je zodra je zelf bent aangemeld.');
    const insideView = await html(await a.client.get(`/meetings/${id}`));
    expect(insideView.querySelector('a[href="https://meet.example.org/geheim-123"]')).not.toBeNull();
    expect(text(insideView.querySelector('.participants'))).toContain('Zichtbare Deelnemer');
  });

  it('visibility list: another organisation cannot see or sign up (404), a listed one can', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { visibility: 'list', visibleOrgIds: [orgs.ggd.id] });
    const out = await member(ta, orgs.cjg.id, 'Buiten');
    const inside = await member(ta, orgs.ggd.id, 'Binnen');
    expect((await out.client.get(`/meetings/${id}`)).status).toBe(404);
    expect((await out.client.post(`/meetings/${id}/signup`)).status).toBe(404);
    expect(text(await html(await out.client.get('/meetings')))).not.toContain('Intervisie jeugdverpleegkundigen');
    expect((await inside.client.get(`/meetings/${id}`)).status).toBe(200);
    expect((await inside.client.post(`/meetings/${id}/signup`)).status).toBe(303);
  });

  it('list page: filters work without JavaScript, htmx gets the results fragment, cards poll their places', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const a = makeMeeting(db, facilitator.id, orgs.icare.id, {
      title: 'Online Balint',
      method: 'balint',
      placeKind: 'online',
      onlineUrl: 'https://x.example/1',
      address: null,
      town: null,
    });
    makeMeeting(db, facilitator.id, orgs.icare.id, { title: 'Incident in Harderwijk' });
    const p = await member(ta, orgs.ggd.id, 'Zoeker');
    const all = await html(await p.client.get('/meetings'));
    expect(text(all)).toContain('2 bijeenkomsten');
    const online = await html(await p.client.get('/meetings?where=online'));
    expect(text(online.querySelector('#meeting-results'))).toContain('Online Balint');
    expect(text(online.querySelector('#meeting-results'))).not.toContain('Incident in Harderwijk');
    const frag = await p.client.get('/meetings?method=balint', { 'HX-Request': 'true' });
    const fragText = await frag.text();
    expect(fragText.startsWith('<div id="meeting-results">')).toBe(true);
    expect(fragText).toContain('Online Balint');
    const places = await p.client.get(`/meetings/${a}/places`, { 'HX-Request': 'true' });
    const el = (await html(places)).querySelector('.places')!;
    expect(el.getAttribute('hx-trigger')).toBe('every 30s');
    expect(text(el)).toBe('Nog 3 plaatsen vrij');
    expect(all.querySelector('[aria-live="polite"] .places')).not.toBeNull();
    expect((await p.client.get('/meetings?kind=nonsense&from=2026-02-30')).status).toBe(200);
  });
});

describe('per-organisation maximum on the meeting page (issue #17 point 2)', () => {
  it('org maximum: before signing up the page says the organisation’s maximum is reached and the button says waiting list; after, the flash and the page say why', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 5, minParticipants: 1, maxPerOrg: 2 });
    for (const name of ['G1', 'G2']) await (await member(ta, orgs.ggd.id, name)).client.post(`/meetings/${id}/signup`);
    const g3 = await member(ta, orgs.ggd.id, 'G3');
    const before = await html(await g3.client.get(`/meetings/${id}`));
    expect(text(before.querySelector('.places'))).toBe('Nog 3 plaatsen vrij');
    const form = before.querySelector(`form[action="/meetings/${id}/signup"]`)!;
    expect(text(form.querySelector('.warning'))).toBe('Voor jouw organisatie is het maximum van 2 bereikt; je komt op de wachtlijst.');
    expect(text(form.querySelector('button'))).toBe('Op de wachtlijst zetten');
    // Someone of another organisation still gets a place, and no such note.
    const c1 = await member(ta, orgs.cjg.id, 'C1');
    const other = (await html(await c1.client.get(`/meetings/${id}`))).querySelector(`form[action="/meetings/${id}/signup"]`)!;
    expect(other.querySelector('.warning')).toBeNull();
    expect(text(other.querySelector('button'))).toBe('Aanmelden');

    const res = await g3.client.post(`/meetings/${id}/signup`);
    expect(res.status).toBe(303);
    expect(lists(db, id)).toEqual({ registered: ['G1', 'G2'], waiting: ['G3'] });
    const after = text(await html(await g3.client.get(res.headers.get('location')!)));
    expect(after).toContain(
      'Voor jouw organisatie is het maximum van 2 bereikt; je staat op de wachtlijst, op plaats 1. Je krijgt bericht als je doorschuift.',
    );
    const again = await html(await g3.client.get(`/meetings/${id}`));
    expect(text(again.querySelector('.status-ok'))).toBe(
      'Voor jouw organisatie is het maximum van 2 bereikt; je staat op de wachtlijst, op plaats 1. Je schuift door als er voor jouw organisatie een plaats vrijkomt.',
    );

    await g3.client.post('/language', { locale: 'en', next: '/' });
    const en = await html(await g3.client.get(`/meetings/${id}`));
    expect(text(en.querySelector('.status-ok'))).toContain('Your organisation has reached its maximum of 2; you are on the waiting list, in position 1.');
  });

  it('org maximum: someone in two organisations is told which one is at its maximum, and can still sign up for the other', async () => {
    const ta = await network();
    const { db, orgs, facilitator } = ta;
    const id = makeMeeting(db, facilitator.id, orgs.icare.id, { maxParticipants: 5, minParticipants: 1, maxPerOrg: 1 });
    await (await member(ta, orgs.ggd.id, 'G1')).client.post(`/meetings/${id}/signup`);
    const both = await createUser(db, { orgId: orgs.ggd.id, name: 'Twee petten' });
    db.insert(memberships).values({ userId: both.id, orgId: orgs.cjg.id, role: 'member' }).run();
    const client = await loginAs(ta.app, both.email);
    const form = (await html(await client.get(`/meetings/${id}`))).querySelector(`form[action="/meetings/${id}/signup"]`)!;
    expect(text(form.querySelector('.warning'))).toBe('Voor GGD NOG is het maximum van 1 bereikt; namens die organisatie kom je op de wachtlijst.');
    expect(text(form.querySelector('button'))).toBe('Aanmelden');
    expect((await client.post(`/meetings/${id}/signup`, { orgId: String(orgs.cjg.id) })).status).toBe(303);
    expect(lists(db, id)).toEqual({ registered: ['G1', 'Twee petten'], waiting: [] });
  });
});
