import { describe, expect, it } from 'vitest';
import type { SpaceResult } from '../../src/desks/desks';
import { dictFor } from '../../views/i18n';
import { type CardProps, SpaceCard } from '../../views/partials/desks/cards';
import { CARD_VARIANTS_MAX, RENDERED_CARDS_MAX, renderedCard } from '../../views/partials/desks/results';
import { rememberedByProps, sameValue } from '../../views/partials/remembered';
import { REMEMBERED_FORMS_MAX, rememberedSearchForm, SearchForm } from '../../views/pages/desks/search';

// Issue #18: search cards are remembered by everything they are drawn from. A remembered card must
// always be exactly what drawing it afresh gives, so a booking (another free count) or another
// viewer (their own booking, booking for a colleague, another language) is never shown an old card.
const row: SpaceResult = {
  spaceId: 7,
  spaceName: 'Flexplek 1',
  kind: 'flexplek',
  capacity: 4,
  amenities: 3,
  locationId: 2,
  locationName: 'Stationslaan',
  street: 'Stationslaan 1',
  town: 'Harderwijk',
  hostOrgId: 1,
  hostOrgName: 'CJG Harderwijk',
  approvalRequired: 0,
  takenMorning: 1,
  takenAfternoon: 0,
  overMorning: false,
  overAfternoon: false,
  reserved: 0,
  share: { morning: null, afternoon: null, whole: null },
};
const base: Omit<CardProps, 'notice'> = { t: dictFor('nl'), locale: 'nl', row, date: '2026-11-26', daypart: 'morning', mine: [], held: [], asOrg: null };
const fresh = (p: Omit<CardProps, 'notice'>) => String((<SpaceCard {...p} />).toString());

/**
 * Each variant drawn through the memo (`remembered`) is exactly its fresh drawing, the first time
 * and the second (remembered) time, and no two variants give the same HTML. Returns the drawings.
 */
function expectRememberedAsDrawn<P>(variants: P[], remembered: (p: P) => unknown, fresh: (p: P) => string): string[] {
  const drawn = variants.map((v) => String(remembered(v)));
  expect(new Set(drawn).size).toBe(variants.length);
  for (const [i, v] of variants.entries()) {
    expect(drawn[i]).toBe(fresh(v));
    expect(String(remembered(v))).toBe(fresh(v)); // remembered the second time
  }
  return drawn;
}

describe('remembered search cards', () => {
  it('are what SpaceCard draws, for every input that changes a card', () => {
    const variants = [
      base,
      { ...base, row: { ...row, takenMorning: 2 } },
      { ...base, row: { ...row, takenMorning: 4 } },
      { ...base, row: { ...row, share: { ...row.share, morning: 'org_share_full' as const } } },
      { ...base, row: { ...row, overMorning: true } },
      { ...base, mine: ['morning' as const] },
      { ...base, held: ['morning' as const] },
      { ...base, asOrg: 3 },
      { ...base, forUser: { id: 'u2', name: 'Anna' } },
      { ...base, daypart: 'whole' as const },
      { ...base, date: '2026-11-27' },
      { ...base, t: dictFor('en'), locale: 'en' as const },
    ];
    const drawn = expectRememberedAsDrawn(variants, renderedCard, fresh);
    expect(drawn[0]).toContain('3 van 4');
    expect(drawn[1]).toContain('2 van 4');
  });

  it('keep at most RENDERED_CARDS_MAX and stay right past it', () => {
    for (let n = 0; n <= RENDERED_CARDS_MAX; n++) renderedCard({ ...base, row: { ...row, spaceId: 1000 + n } });
    expect(String(renderedCard(base))).toBe(fresh(base));
  });

  it('keep at most CARD_VARIANTS_MAX of one space and dagdeel, and stay right past it', () => {
    const variants = Array.from({ length: CARD_VARIANTS_MAX + 2 }, (_, n) => ({ ...base, row: { ...row, spaceId: 77, takenMorning: n % 5, reserved: n } }));
    for (const v of variants) expect(String(renderedCard(v))).toBe(fresh(v));
    for (const v of variants) expect(String(renderedCard(v))).toBe(fresh(v));
  });
});

describe('drawings kept by their props: the limits', () => {
  /** A kept drawing per (group, n); counts how often each was drawn. */
  function counted(max: number, perGroup: number) {
    const drawn = new Map<string, number>();
    const keep = rememberedByProps<{ group: string; n: number }>(
      max,
      perGroup,
      (p) => p.group,
      (p) => {
        const name = `${p.group}${p.n}`;
        drawn.set(name, (drawn.get(name) ?? 0) + 1);
        return name;
      },
    );
    return { keep, drawn };
  }

  it('at most `max` in all, also when a kept group grows: the oldest other group goes first', () => {
    const { keep, drawn } = counted(3, 2);
    for (const [group, n] of [
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['a', 2],
    ] as const)
      expect(String(keep({ group, n }))).toBe(`${group}${n}`);
    // 'a' grew to two: 'b', the oldest other group, went; 'a' and 'c' are kept.
    for (const [group, n] of [
      ['a', 1],
      ['a', 2],
      ['c', 1],
    ] as const)
      keep({ group, n });
    expect(Object.fromEntries(drawn)).toEqual({ a1: 1, a2: 1, b1: 1, c1: 1 });
    keep({ group: 'b', n: 1 });
    expect(drawn.get('b1')).toBe(2);
  });

  it("at most `perGroup` a group, the group's oldest first; with one group and `max` reached, its oldest goes", () => {
    const { keep, drawn } = counted(2, 5);
    for (const n of [1, 2, 3]) keep({ group: 'a', n });
    keep({ group: 'a', n: 3 });
    keep({ group: 'a', n: 2 });
    expect(drawn.get('a2')).toBe(1);
    keep({ group: 'a', n: 1 });
    expect(drawn.get('a1')).toBe(2);
    const few = counted(10, 2);
    for (const n of [1, 2, 3, 1]) few.keep({ group: 'a', n });
    expect(Object.fromEntries(few.drawn)).toEqual({ a1: 2, a2: 1, a3: 1 });
  });
});

describe('props equal by value (what a remembered card is found by)', () => {
  it('are equal with the same values in other objects, in any key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }], d: null }, { d: null, b: [1, { c: 'x' }], a: 1 })).toBe(true);
  });
  it('differ in any value, however deep, and in which keys are there', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ a: undefined }, { b: 1 })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameValue(['a'], { 0: 'a' })).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
  });
  it('compare other objects, such as dates and functions, by identity', () => {
    const day = new Date(0);
    expect(sameValue({ at: day }, { at: day })).toBe(true);
    expect(sameValue({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
    const f = () => 'x';
    expect(sameValue({ f }, { f })).toBe(true);
    expect(sameValue({ f }, { f: () => 'x' })).toBe(false);
  });
});

describe('the remembered search form', () => {
  type FormProps = Parameters<typeof rememberedSearchForm>[0];
  const form: FormProps = {
    t: dictFor('nl'),
    locale: 'nl',
    state: { values: { date: '2026-11-26', daypart: 'morning', town: 'Harderwijk' } },
    myOrgs: [{ orgId: 1, orgName: 'GGD Noord' }],
    colleagues: [],
    colleagueByEmail: false,
  };
  const freshForm = (p: FormProps) => String((<SearchForm {...p} />).toString());

  it('is what SearchForm draws, for every input that changes the form', () => {
    const variants: FormProps[] = [
      form,
      { ...form, state: { values: { ...form.state.values, town: 'Ermelo' } } },
      { ...form, state: { values: { ...form.state.values, daypart: 'whole' } } },
      { ...form, state: { values: { ...form.state.values, amenities: ['wifi', 'parking'] } } },
      { ...form, state: { values: { ...form.state.values, host: 'CJG' } } },
      { ...form, state: { values: form.state.values, errors: { town: 'Te lang' } } },
      { ...form, myOrgs: [...form.myOrgs, { orgId: 2, orgName: 'CJG Harderwijk' }] },
      { ...form, colleagues: [{ id: 'u2', name: 'Anna de Vries' }] },
      { ...form, colleagues: [{ id: 'u2', name: 'Anna de Wit' }] },
      { ...form, colleagueByEmail: true },
      { ...form, t: dictFor('en'), locale: 'en' },
    ];
    const drawn = expectRememberedAsDrawn(variants, rememberedSearchForm, freshForm);
    expect(drawn[7]).toContain('Anna de Vries');
    expect(drawn[8]).toContain('Anna de Wit');
  });

  it('keeps at most REMEMBERED_FORMS_MAX and stays right past it', () => {
    for (let n = 0; n <= REMEMBERED_FORMS_MAX; n++) rememberedSearchForm({ ...form, state: { values: { ...form.state.values, town: `Plaats ${n}` } } });
    expect(String(rememberedSearchForm(form))).toBe(freshForm(form));
  });
});
