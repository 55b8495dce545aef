import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { instantOf } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer, nav } from './harness';
import { dutchDate } from './dates';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

describe('journey: a facilitator runs a mixed meeting', () => {
  for (const js of [true, false]) {
    it(`per-organisation maximum, full, waiting list, a cancellation moves the waiting one up, attendance (JavaScript ${js ? 'on' : 'off'})`, async () => {
      server.clock.reset();
      const title = `Intervisie jeugdzorg Veluwe (${js ? 'js' : 'zonder js'})`;
      const external: string[] = [];
      const checked = async (page: Page) => {
        if (js) expect(await axeViolations(page)).toEqual([]);
      };
      const open = async (email: string) => {
        const p = await newPage(browser, server, { javaScriptEnabled: js });
        p.page.on('request', (r) => void (r.url().startsWith(server.url) ? null : external.push(r.url())));
        await login(p.page, server, email);
        return p;
      };

      // The facilitator (Icare JGZ) publishes a meeting for 3 people, at most 1 per organisation.
      const fac = await open('facilitator@gastplek.test');
      await (await nav(fac.page)).getByRole('link', { name: 'Bijeenkomsten beheren' }).click();
      await checked(fac.page);
      await fac.page.getByRole('button', { name: 'Nieuwe bijeenkomst' }).click();
      await expect.poll(() => fac.page.locator('h1').innerText()).toBe('Nieuwe bijeenkomst');
      await checked(fac.page);
      const date = await fac.page.getByLabel('Datum', { exact: true }).inputValue();
      await fac.page.getByLabel('Titel').fill(title);
      await fac.page.getByLabel('Soort plaats').selectOption('address');
      await fac.page.getByLabel('Adres').fill('Stationsplein 12');
      await fac.page.getByLabel('Plaats (stad of dorp)').fill('Harderwijk');
      await fac.page.getByLabel('Minimum aantal deelnemers').fill('2');
      await fac.page.getByLabel('Maximum aantal deelnemers').fill('3');
      await fac.page.getByLabel('Maximum per organisatie').fill('1');
      await fac.page.getByRole('button', { name: 'Bijeenkomst publiceren' }).click();
      await fac.page.waitForURL((u) => /^\/facilitate\/meetings\/\d+$/.test(u.pathname));
      const meetingId = Number(new URL(fac.page.url()).pathname.split('/').pop());
      expect(await fac.page.getByRole('status').first().innerText()).toBeTruthy();
      await checked(fac.page);

      const meetingUrl = `${server.url}/meetings/${meetingId}`;
      const places = (page: Page) => page.locator('.places').innerText();
      const signUp = async (email: string, expected: string) => {
        const p = await open(email);
        await p.page.goto(meetingUrl);
        await checked(p.page);
        await p.page.getByRole('button', { name: /^(Aanmelden|Op de wachtlijst zetten)$/ }).click();
        await expect.poll(() => p.page.getByRole('status').first().innerText()).toBe(expected);
        await checked(p.page);
        return p;
      };

      const fatima = await signUp('fatima.ouali@gastplek.test', 'Je bent aangemeld.');
      expect(await fatima.page.locator('h1').innerText()).toBe(title);
      // Dutch date and 24-hour clock: "ma 7 dec 2026 14:00–16:00".
      expect(await fatima.page.locator('.meeting-facts').innerText()).toMatch(new RegExp(`${dutchDate(date)}[ ,om]*14:00–16:00`));
      expect(await fatima.page.locator('.meeting-facts').innerText()).toContain('maximaal 1 per organisatie, zodat de groep gemengd blijft');
      expect(await places(fatima.page)).toBe('Nog 2 plaatsen vrij');

      const ruben = await signUp('ruben.mulder@gastplek.test', 'Je bent aangemeld.');
      expect(await places(ruben.page)).toBe('Nog 1 plaats vrij');

      // A second colleague of CJG Harderwijk waits, although one place is still free: the group stays mixed.
      // The page says so before the click (issue #17 point 2), and the outcome says why.
      const pieter = await signUp(
        'pieter.van.dam@gastplek.test',
        'Voor jouw organisatie is het maximum van 1 bereikt; je staat op de wachtlijst, op plaats 1. Je krijgt bericht als je doorschuift.',
      );
      expect(await pieter.page.locator('main').innerText()).toContain(
        'Voor jouw organisatie is het maximum van 1 bereikt; je staat op de wachtlijst, op plaats 1.',
      );
      expect(await places(pieter.page)).toBe('Nog 1 plaats vrij');

      const thomas = await signUp('thomas.dekker@gastplek.test', 'Je bent aangemeld.');
      expect(await places(thomas.page)).toBe('Vol, 1 persoon op de wachtlijst');
      // Insiders see who takes part (names, not case content).
      expect(await thomas.page.locator('ul.participants > li').allInnerTexts()).toEqual(
        expect.arrayContaining(['Fatima Ouali (CJG Harderwijk)', 'Ruben Mulder (GGD Noord- en Oost-Gelderland)', 'Thomas Dekker (Lokalis Utrecht)']),
      );
      expect(await thomas.page.locator('ul.participants > li').count()).toBe(3);

      // Fatima cancels; Pieter, first on the list and of the same organisation, moves up at once.
      await fatima.page.reload();
      // Giving up the place takes a second, confirming click that says where it goes.
      await fatima.page.locator('summary', { hasText: 'Afmelden' }).click();
      expect(await fatima.page.locator('main details[open]').innerText()).toContain('Je plaats gaat direct naar wie op de wachtlijst staat');
      await fatima.page.getByRole('button', { name: 'Ja, afmelden' }).click();
      await expect.poll(() => fatima.page.getByRole('status').first().innerText()).toBe('Je bent afgemeld.');
      expect(await places(fatima.page)).toBe('Vol, nog niemand op de wachtlijst');
      await checked(fatima.page);
      await pieter.page.reload();
      expect(await pieter.page.locator('main').innerText()).toContain('Je bent aangemeld voor deze bijeenkomst.');
      await checked(pieter.page);

      // The manage page counts the same.
      await fac.page.goto(`${server.url}/facilitate`);
      expect(await fac.page.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }).innerText()).toContain('3 van 3 aangemeld');
      await checked(fac.page);

      // Attendance only once the meeting has started: ten minutes in.
      server.clock.set(instantOf(date, '14:10'));
      await fac.page.goto(`${server.url}/facilitate/meetings/${meetingId}/attendance`);
      expect(await fac.page.locator('main').innerText()).not.toContain('zodra de bijeenkomst begonnen is');
      const rows = fac.page.locator('form tbody tr');
      expect(await rows.locator('th').allInnerTexts()).toEqual(expect.arrayContaining(['Pieter van Dam', 'Ruben Mulder', 'Thomas Dekker']));
      expect(await rows.count()).toBe(3);
      await checked(fac.page);
      await fac.page.getByLabel('Aanwezigheid: Pieter van Dam').selectOption('present');
      await fac.page.getByLabel('Aanwezigheid: Ruben Mulder').selectOption('present');
      await fac.page.getByLabel('Aanwezigheid: Thomas Dekker').selectOption('absent');
      await fac.page.getByLabel('Minuten aanwezig: Ruben Mulder').fill('90');
      await fac.page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
      await expect.poll(() => fac.page.getByRole('status').first().innerText()).toBe('3 wijzigingen opgeslagen.');
      expect(await fac.page.getByLabel('Aanwezigheid: Pieter van Dam').inputValue()).toBe('present');
      expect(await fac.page.getByLabel('Aanwezigheid: Thomas Dekker').inputValue()).toBe('absent');
      expect(await fac.page.getByLabel('Minuten aanwezig: Ruben Mulder').inputValue()).toBe('90');
      await checked(fac.page);
      server.clock.reset();

      expect(external).toEqual([]);
      for (const p of [fac, fatima, ruben, pieter, thomas]) {
        expect(p.external).toEqual([]);
        await p.context.close();
      }
    });
  }
});

describe('journey: a meeting form sent with mistakes', () => {
  for (const js of [true, false]) {
    it(`the summary lists each mistake as a link named by its field; following one puts the focus in that field, nothing typed is lost (JavaScript ${js ? 'on' : 'off'})`, async () => {
      server.clock.reset();
      const { page, context, external } = await newPage(browser, server, { javaScriptEnabled: js });
      await login(page, server, 'facilitator@gastplek.test');
      await page.goto(`${server.url}/facilitate/meetings/new`);
      await page.getByLabel('Titel').fill('');
      await page.getByLabel('Beschrijving').fill('Praktisch: koffie staat klaar.');
      await page.getByLabel('Soort plaats').selectOption('address');
      await page.getByLabel('Adres').fill('Stationsplein 12');
      await page.getByLabel('Plaats (stad of dorp)').fill('Harderwijk');
      await page.getByLabel('Minimum aantal deelnemers').fill('0');
      await page.getByRole('button', { name: 'Bijeenkomst publiceren' }).click();
      await expect.poll(() => page.evaluate(`document.activeElement?.className`)).toBe('error-summary');
      const summary = page.locator('.error-summary');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual([
        'Titel: Vul dit veld in.',
        'Minimum aantal deelnemers: Vul een aantal van 1 tot en met 100 in.',
      ]);
      if (js) expect(await axeViolations(page)).toEqual([]);
      await summary.getByRole('link', { name: /^Minimum/ }).click();
      await expect.poll(() => page.evaluate(`document.activeElement?.id`)).toBe('f-min');
      await summary.getByRole('link', { name: /^Titel/ }).click();
      await expect.poll(() => page.evaluate(`document.activeElement?.id`)).toBe('f-title');
      await page.keyboard.type('Intervisie na een fout');
      expect(await page.getByLabel('Beschrijving').inputValue()).toBe('Praktisch: koffie staat klaar.');
      await page.getByLabel('Minimum aantal deelnemers').fill('2');
      await page.getByRole('button', { name: 'Bijeenkomst publiceren' }).click();
      await page.waitForURL((u) => /^\/facilitate\/meetings\/\d+$/.test(u.pathname));
      expect(await page.locator('h1').innerText()).toBe('Intervisie na een fout');
      expect(external).toEqual([]);
      await context.close();
    });
  }
});

describe('journey: a facilitator takes someone out of a closed group', () => {
  it('from the group page, after confirming; the waiting one moves up; the page has no axe violations', async () => {
    server.clock.reset();
    const { page, context, external } = await newPage(browser, server);
    await login(page, server, 'facilitator@gastplek.test');
    await page.goto(`${server.url}/groups/1`);
    const members = page.locator('main ul').last();
    expect(await members.innerText()).toContain('Bram Vos');
    expect(await axeViolations(page)).toEqual([]);
    const julia = members.locator('li', { hasText: 'Julia Brouwer' });
    await julia.locator('summary', { hasText: 'Uit de groep halen' }).click();
    expect(await julia.innerText()).toContain('Julia Brouwer uit de groep halen?');
    await julia.getByRole('button', { name: 'Uit de groep halen: Julia Brouwer' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Julia Brouwer is uit de groep gehaald.');
    const after = await page.locator('main ul').last().innerText();
    expect(after).not.toContain('Julia Brouwer');
    // Bram, who waited, is a member now.
    expect(await page.locator('main ul').last().locator('li', { hasText: 'Bram Vos' }).innerText()).not.toContain('wachtlijst');
    expect(await axeViolations(page)).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });
});
