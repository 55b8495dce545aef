import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, journey, login, nav, newPage, type RunningServer } from './harness';
import { dutchDate, openWeekdaysAfter } from './dates';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const row = <T>(sql: string, ...args: unknown[]) => server.db.$client.prepare(sql).get(...args) as T;

describe('journey: a request the host cannot miss', () => {
  it('the worker requests a desk, the host is told, finds it under "Open verzoeken" (count in the menu) and approves it in place', async () => {
    const day = openWeekdaysAfter(server.clock.now(), 9)[8]!;
    const short = dutchDate(day).replace(/ \d{4}$/, '');
    const space = row<{ id: number }>("select s.id from spaces s join locations l on l.id = s.location_id where l.name = 'CJG Harderwijk Drielanden'").id;

    const { page: worker } = await newPage(browser, server);
    await login(worker, server, 'worker@gastplek.test');
    await worker.goto(`${server.url}/desks/spaces/${space}?week=${day}`);
    await worker.getByRole('button', { name: `Reserveren ${short}, ochtend` }).click();
    await expect.poll(() => worker.getByRole('status').first().innerText()).toMatch(/^Aangevraagd: Gastwerkplekken/);

    const { page: host } = await newPage(browser, server);
    await login(host, server, 'host@gastplek.test');
    const menu = (await nav(host)).getByRole('link', { name: /^Open verzoeken \(\d+\)$/ });
    const before = Number((await menu.innerText()).match(/\d+/)![0]);
    expect(before).toBeGreaterThanOrEqual(1);
    await (await nav(host)).getByRole('link', { name: /^Meldingen/ }).click();
    expect(await host.locator('main').innerText()).toMatch(/Nieuw verzoek: Sanne de Vries bij CJG Harderwijk Drielanden/);

    await nav(host);
    await menu.click();
    await expect.poll(() => host.locator('h1').innerText()).toBe('Open verzoeken');
    await accessible(host);
    const request = host.locator('tbody tr', { hasText: short }).filter({ hasText: 'Sanne de Vries' });
    expect(await request.innerText()).toContain('CJG Harderwijk Drielanden');
    await request.getByRole('button', { name: /^Goedkeuren/ }).click();
    await expect.poll(() => host.getByRole('status').first().innerText()).toBe('Opgeslagen voor Sanne de Vries.');
    expect(await host.locator('tbody tr', { hasText: short }).filter({ hasText: 'Sanne de Vries' }).innerText()).toContain('bevestigd');
    await accessible(host);
    const status = row<{ status: string }>(
      "select b.status from bookings b join users u on u.id = b.user_id where u.email = 'worker@gastplek.test' and b.date = ? and b.space_id = ?",
      day,
      space,
    ).status;
    expect(status).toBe('confirmed');

    await host.reload();
    await expect
      .poll(async () => (await nav(host)).getByRole('link', { name: /^Open verzoeken/ }).innerText())
      .toBe(before > 1 ? `Open verzoeken (${before - 1})` : 'Open verzoeken');

    await worker.goto(`${server.url}/bookings`);
    expect(
      await worker
        .locator('article.booking-item', { hasText: 'Drielanden' })
        .filter({ hasText: dutchDate(day) })
        .innerText(),
    ).toContain('bevestigd');
  });
});
