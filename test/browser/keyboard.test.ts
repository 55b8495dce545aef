import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, localToday } from '../../src/lib/time';
import { axeViolations, journey, login, newPage, type RunningServer } from './harness';
import { dutchDate, nextOpenWeekday } from './dates';

let server: RunningServer;
let browser: Browser;
journey((s, b) => {
  server = s;
  browser = b;
});

type Focused = { tag: string; text: string; id: string; role: string | null; outline: string; outlineWidth: number; live: string | null };

/** What has keyboard focus, and how it looks: outline from :focus-visible, nearest aria-live region. */
function focused(page: Page): Promise<Focused> {
  // A string, because this file is type-checked without the DOM library.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', text: '', id: '', role: null, outline: 'none', outlineWidth: 0, live: null };
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText || el.value || '').trim(),
      id: el.id,
      role: el.getAttribute('role'),
      outline: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth),
      live: el.closest('[aria-live]')?.getAttribute('aria-live') ?? null,
    };
  })()`) as Promise<Focused>;
}

/** Presses Tab (or Shift+Tab) until `wanted` holds, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (wanted(f)) {
      // Focus stays visible: our :focus-visible outline, at least 2px, on every element we stop at.
      expect(f.outline, `outline on ${f.tag} "${f.text}"`).not.toBe('none');
      expect(f.outlineWidth).toBeGreaterThanOrEqual(2);
      return f;
    }
  }
  throw new Error('focus never reached the wanted element');
}

const SPACE = 'Flexplekken CJG';

describe('journey: booking a desk with the keyboard only', () => {
  it('Tab, Enter and Space are enough; focus is visible and lands on the outcome after each swap', async () => {
    const date = nextOpenWeekday(server.clock.now());
    const { page, context, external } = await newPage(browser, server);
    // Hanna works for Icare JGZ in Meppel.
    await login(page, server, 'hanna.koster@gastplek.test');
    await page.goto(`${server.url}/desks?date=${date}&daypart=morning`);

    // The first Tab reaches the skip link, which jumps to the content.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');

    await tabTo(page, (f) => f.id === 'f-town');
    await page.keyboard.type('Ede');
    await page.keyboard.press('Enter');
    const results = page.locator('#desk-results');
    await expect.poll(() => results.locator('article.space-card').count()).toBe(1);
    expect(await results.locator('h2').innerText()).toBe(`Vrije plekken op ${dutchDate(date)}, ochtend`);
    // Focus stays in the field the user typed in; the results are announced from a live region.
    expect((await focused(page)).id).toBe('f-town');
    expect(await page.locator('[aria-live="polite"]:has(#desk-results)').count()).toBe(1);
    const free = await results.locator('.free').innerText();
    expect(free).toMatch(/^\d van 4 vrij$/);

    await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('Reserveren'));
    // The button's name says which space (aria-labelledby: the button, the card's heading and its location line).
    expect(
      await page.evaluate(
        `[...document.activeElement.getAttribute('aria-labelledby').split(' ')].map((id) => document.getElementById(id).textContent).join(' ')`,
      ),
    ).toMatch(new RegExp(`^Reserveren ${SPACE} `));
    expect(await results.getByRole('button', { name: new RegExp(`^Reserveren ${SPACE}`) }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    const outcome = await focused(page);
    expect(outcome.text).toBe(`Gereserveerd: ${SPACE}, ${dutchDate(date)}, ochtend.`);
    // The new count is in the card next to the outcome, inside the live results region.
    expect(outcome.live).toBe('polite');
    expect(await results.locator('.free').innerText()).toBe(`${Number(free[0]) - 1} van 4 vrij`);
    // Status as words, not colour alone.
    expect(await results.locator('.status').innerText()).toBe('door jou gereserveerd');
    expect(await axeViolations(page)).toEqual([]);

    // Back up to the menu and on to "Mijn reserveringen": on a phone the links are behind "Menu" (a <details>), opened with Enter.
    await tabTo(page, (f) => f.tag === 'summary' && f.text === 'Menu', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Mijn reserveringen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mijn reserveringen');
    // This booking: the demo data has earlier ones at the same space (under "Eerder").
    const item = page.locator('article.booking-item', { hasText: SPACE }).filter({ hasText: `${dutchDate(date)} · ochtend` });
    expect(await item.locator('.status').innerText()).toBe('bevestigd');

    await tabTo(page, (f) => f.tag === 'summary' && f.text === 'Annuleren');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Ja, annuleer deze reservering', { max: 3 });
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page)).text).toBe('Je reservering is geannuleerd; de plek is weer vrij.');
    expect((await focused(page)).role).toBe('status');
    expect(await item.locator('.status').innerText()).toBe('geannuleerd');
    expect(await axeViolations(page)).toEqual([]);

    expect(external).toEqual([]);
    await context.close();
  });

  it('a form error is tied to its field and says what is wrong', async () => {
    const { page, context } = await newPage(browser, server);
    await login(page, server, 'hanna.koster@gastplek.test');
    const yesterday = addDays(localToday(server.clock.now()), -1);
    await page.goto(`${server.url}/desks?date=${yesterday}&daypart=morning`);
    const field = page.getByLabel('Datum');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages).toContain('Deze datum ligt in het verleden.');
    expect(await page.getByRole('alert').first().innerText()).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
