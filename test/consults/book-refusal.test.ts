import { describe, expect, it } from 'vitest';
import { createTestApp, html, loginAs, TestClock, text } from '../helpers';
import { instantOf } from '../../src/lib/time';
import { consultWorld, createHours } from './factory';

/**
 * Where a refused consult booking is said: in or at the booking form, focused; also when the form
 * is not drawn again because the slot taken was the last free one (the reason used to be lost:
 * the page said only "no slot free" and an error summary titled "Boek een tijdvak").
 */
async function setup(slots: number) {
  const t = createTestApp({ clock: new TestClock(instantOf('2026-11-23', '10:00')) });
  const w = await consultWorld(t.db);
  const hour = createHours(t.db, { expertId: w.expert.id, orgId: w.cjg.id, locationId: w.open.locationId, slots });
  const body = { slot: '0', tagId: String(w.tags.get('LVB')), noClientData: 'yes' };
  expect((await (await loginAs(t.app, w.worker.email)).post(`/consults/${hour}/book`, body)).status).toBe(303);
  return { t, w, hour, body, staff: await loginAs(t.app, w.staff.email) };
}

describe('consult booking: the reason of a refusal stands where the form is, focused', () => {
  it('the last free slot taken meanwhile: 409, the reason in the form’s place, focused, besides "no slot free"', async () => {
    const { hour, body, staff } = await setup(1);
    const res = await staff.post(`/consults/${hour}/book`, body);
    expect(res.status).toBe(409);
    const doc = await html(res);
    expect(doc.querySelector('#book-consult')).toBeNull();
    const alert = doc.querySelector('main [role="alert"]');
    expect(text(alert)).toBe('Dit tijdvak is net door iemand anders geboekt. Kies een ander tijdvak.');
    expect(alert!.hasAttribute('autofocus')).toBe(true);
    expect(text(doc.querySelector('main'))).toContain('Er is geen tijdvak meer vrij.');
    expect(doc.querySelectorAll('[autofocus]')).toHaveLength(1);
  });

  it('a taken slot with others still free: the form again, its summary focused, the reason at the slots, the topic and the tick kept', async () => {
    const { hour, body, staff } = await setup(3);
    const res = await staff.post(`/consults/${hour}/book`, body);
    expect(res.status).toBe(409);
    const doc = await html(res);
    const form = doc.querySelector('#book-consult')!;
    const summary = form.querySelector('.error-summary')!;
    expect(summary.hasAttribute('autofocus')).toBe(true);
    expect(text(summary.querySelector('strong'))).toBe('Het formulier bevat fouten');
    // The reason is listed in the summary too, as a link to the slots.
    expect(summary.querySelector('a[href="#consult-slot"]')?.textContent).toBe('Dit tijdvak is net door iemand anders geboekt. Kies een ander tijdvak.');
    expect(text(form.querySelector('#consult-slot-err'))).toBe('Dit tijdvak is net door iemand anders geboekt. Kies een ander tijdvak.');
    expect(form.querySelector('select[name="tagId"] option[selected]')?.getAttribute('value')).toBe(body.tagId);
    expect(form.querySelector('input[name="noClientData"]')!.hasAttribute('checked')).toBe(true);
    expect(doc.querySelectorAll('[autofocus]')).toHaveLength(1);
  });

  it('the page opened normally: no alert, nothing focused, the tick not ticked', async () => {
    const { hour, staff } = await setup(3);
    const doc = await html(await staff.get(`/consults/${hour}`));
    expect(doc.querySelector('main [role="alert"]')).toBeNull();
    expect(doc.querySelectorAll('[autofocus]')).toHaveLength(0);
    expect(doc.querySelector('input[name="noClientData"]')!.hasAttribute('checked')).toBe(false);
  });
});
