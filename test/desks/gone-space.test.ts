import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { locations } from '../../db/schema';
import { createTestApp, html, text } from '../helpers';
import { bookingRows, desksWorld, HX } from './factory';

const TOMORROW = '2026-11-24';
const GONE = 'Deze werkruimte kun je niet (meer) reserveren. Zoek opnieuw voor de plekken die er nu zijn.';

/**
 * A card or week cell drawn before its space stopped being bookable for this worker (the host
 * archived the location, or shared it with other organisations only): pressing Reserveren with
 * htmx says so in the card or cell (422, which htmx swaps), instead of a 404 page htmx drops.
 */
describe('booking a space that is no longer visible', () => {
  async function goneWorld() {
    const t = createTestApp();
    const w = await desksWorld(t);
    t.db.update(locations).set({ sharing: 'list' }).where(eq(locations.id, w.space.locationId)).run();
    return { t, w };
  }

  it('from a search card (htmx): 422 with the reason in the card; nothing booked', async () => {
    const { t, w } = await goneWorld();
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { slot: `${TOMORROW} morning`, fragment: 'card' }, HX);
    expect(res.status).toBe(422);
    const doc = await html(res);
    const alert = doc.querySelector('[role="alert"]');
    expect(text(alert)).toBe(GONE);
    expect(alert!.hasAttribute('autofocus')).toBe(true);
    expect(doc.querySelector('html')).toBeNull();
    expect(bookingRows(t.db)).toEqual([]);
  });

  it('from a week cell (htmx): 422 with the reason in the cell', async () => {
    const { w } = await goneWorld();
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { slot: `${TOMORROW} morning`, fragment: 'cell' }, HX);
    expect(res.status).toBe(422);
    expect(text((await html(res)).querySelector('[role="alert"]'))).toBe(GONE);
  });

  it('without htmx, and for a space that never existed, it stays a plain 404', async () => {
    const { t, w } = await goneWorld();
    expect((await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { slot: `${TOMORROW} morning` })).status).toBe(404);
    expect((await w.workerClient.post('/desks/spaces/999999/book', { slot: `${TOMORROW} morning` })).status).toBe(404);
    expect(bookingRows(t.db)).toEqual([]);
  });

  it('the same request books while the space is still shared (the test would notice a wrong branch)', async () => {
    const t = createTestApp();
    const w = await desksWorld(t);
    const res = await w.workerClient.post(`/desks/spaces/${w.space.spaceId}/book`, { slot: `${TOMORROW} morning`, fragment: 'card' }, HX);
    expect(res.status).toBe(200);
    expect(bookingRows(t.db)).toHaveLength(1);
  });
});
