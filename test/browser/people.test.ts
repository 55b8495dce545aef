import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localToday } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';

// Meeting each other (issue #15) as the demo worker uses it: from Mijn reserveringen to who is at
// CJG Harderwijk Stationslaan, her own profile (off by default), and where an expert is. With
// and without JavaScript; axe on every page.

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

/** axe needs JavaScript in the page; the run without it checks the same pages' markup in the run with it. */
async function accessible(page: Page, js: boolean) {
  if (js) expect(await axeViolations(page)).toEqual([]);
}

describe('journey: meeting each other', () => {
  for (const js of [true, false]) {
    it(`the worker sees who is there on her booked day, opts in, and finds where a jeugdverpleegkundige is (${js ? 'with' : 'without'} JavaScript)`, async () => {
      // Each run starts from the demo's default: the worker has no profile.
      server.db.$client.prepare("delete from profiles where user_id = (select id from users where email = 'worker@gastplek.test')").run();
      server.db.$client.prepare("delete from profile_tags where user_id = (select id from users where email = 'worker@gastplek.test')").run();
      const { date } = server.db.$client
        .prepare(
          "select b.date from bookings b join users u on u.id = b.user_id join locations l on l.id = b.location_id where u.email = 'worker@gastplek.test' and l.name = 'CJG Harderwijk Stationslaan' and b.status = 'confirmed' and b.date >= ? order by b.date limit 1",
        )
        .get(localToday(server.clock.now())) as { date: string };
      const { page } = await newPage(browser, server, { javaScriptEnabled: js });
      await login(page, server, 'worker@gastplek.test');
      await page.goto(`${server.url}/bookings`);
      const first = page.locator('article.booking-item', { hasText: 'CJG Harderwijk Stationslaan' }).first();
      await first.getByRole('link', { name: /Wie is er\?/ }).click();
      await expect.poll(() => page.locator('h1').innerText()).toContain('Wie is er bij CJG Harderwijk Stationslaan');
      const main = await page.locator('main').innerText();
      expect(main).toContain('Fatima Ouali');
      expect(main).toContain('medewerker van deze organisatie');
      expect(main).toContain('Jeugdarts');
      expect(main).toContain('Ruben Mulder');
      expect(main).toContain('Spreek me aan over: Slaap, voeding en pubers die niet naar school gaan');
      expect(main).not.toContain('Sanne de Vries');
      await accessible(page, js);

      await page.goto(`${server.url}/account`);
      await page.getByRole('link', { name: 'Mijn profiel voor collega’s bekijken of aanpassen' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn profiel voor collega’s');
      const visible = page.getByLabel('Collega’s die dezelfde dag op dezelfde locatie zijn, mogen mijn profiel zien');
      expect(await visible.isChecked()).toBe(false);
      await accessible(page, js);
      await visible.check();
      await page.getByLabel('Anderen mogen zien dat ik op een locatie ben').check();
      await page.getByLabel('Discipline').selectOption('jeugdverpleegkundige');
      await page.getByLabel('Pubers').check();
      await page.getByLabel('Waarover je me mag aanspreken').fill('x'.repeat(141));
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('hoogstens 140');
      // Nothing lost: the choices are still there after the refusal.
      expect(await page.getByLabel('Pubers').isChecked()).toBe(true);
      await accessible(page, js);
      await page.getByLabel('Waarover je me mag aanspreken').fill('Pubers en slaap');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('Je profiel is opgeslagen.');

      await page.goto(`${server.url}/desks`);
      await page.getByRole('link', { name: 'Waar is een gedragswetenschapper of andere deskundige?' }).click();
      await page.getByLabel('Datum').fill(date);
      await page.getByLabel('Discipline of expertise').selectOption({ label: 'Jeugdverpleegkundige' });
      await page.getByRole('button', { name: 'Zoeken' }).click();
      // Ruben and, now that she opted in, the worker herself: a count, no names.
      await expect.poll(() => page.locator('main').innerText()).toContain('CJG Harderwijk Stationslaan, Harderwijk: 2 collega’s');
      expect(await page.locator('main').innerText()).not.toContain('Ruben');
      await accessible(page, js);
    });
  }
});
