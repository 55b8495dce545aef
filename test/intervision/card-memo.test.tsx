import { describe, expect, it } from 'vitest';
import type { MeetingCard as Card } from '../../src/intervision/meetings';
import { instantOf } from '../../src/lib/time';
import { dictFor } from '../../views/i18n';
import { MeetingCard, REMEMBERED_MEETING_CARDS_MAX, rememberedMeetingCard } from '../../views/partials/intervision/places';

// Issue #18: meeting cards in the list are remembered by everything they are drawn from. A
// remembered card must be exactly what drawing it afresh gives: a sign-up (other counts), a
// cancellation, a moved meeting, another person's status or language never shows an old card.
const m: Card = {
  id: 7,
  orgId: 1,
  facilitatorId: 'f1',
  groupId: null,
  title: 'Intervisie jeugdartsen',
  kind: 'intervisie',
  method: 'incident',
  description: '',
  // Sunday 29 March 2026, the day summer time starts: 10:00–11:30 in Amsterdam.
  startsAt: instantOf('2026-03-29', '10:00'),
  endsAt: instantOf('2026-03-29', '11:30'),
  placeKind: 'location',
  placeName: 'CJG Harderwijk',
  address: 'Stationslaan 2',
  town: 'Harderwijk',
  onlineUrl: null,
  locationId: null,
  minParticipants: 4,
  maxParticipants: 8,
  maxPerOrg: null,
  signupOpensAt: instantOf('2026-03-01', '09:00'),
  signupClosesAt: instantOf('2026-03-28', '09:00'),
  cancelDeadlineAt: instantOf('2026-03-27', '09:00'),
  visibility: 'all',
  status: 'scheduled',
  minWarningSentAt: null,
  minConfirmedAt: null,
  createdAt: instantOf('2026-02-01', '09:00'),
  updatedAt: instantOf('2026-02-01', '09:00'),
  orgName: 'CJG Harderwijk',
  facilitatorName: 'Fatima Ouali',
  registered: 3,
  waiting: 0,
};
type Props = Parameters<typeof MeetingCard>[0];
const base: Props = { t: dictFor('nl'), locale: 'nl', m };
const fresh = (p: Props) => String((<MeetingCard {...p} />).toString());

describe('remembered meeting cards', () => {
  it('are what MeetingCard draws, for every input that changes a card', () => {
    const variants: Props[] = [
      base,
      { ...base, m: { ...m, registered: 4 } },
      { ...base, m: { ...m, registered: 8, waiting: 2 } },
      { ...base, m: { ...m, status: 'cancelled' } },
      { ...base, m: { ...m, startsAt: instantOf('2026-03-29', '14:00'), endsAt: instantOf('2026-03-29', '15:30') } },
      { ...base, m: { ...m, placeKind: 'online', placeName: null, address: null, town: null } },
      { ...base, m: { ...m, title: 'Intercollegiale toetsing' } },
      { ...base, m: { ...m, facilitatorName: 'Daan de Boer' } },
      { ...base, myStatus: 'registered' },
      { ...base, myStatus: 'waitlisted' },
      { ...base, t: dictFor('en'), locale: 'en' },
    ];
    const drawn = variants.map((v) => String(rememberedMeetingCard(v)));
    expect(new Set(drawn).size).toBe(variants.length);
    for (const [i, v] of variants.entries()) {
      expect(drawn[i]).toBe(fresh(v));
      expect(String(rememberedMeetingCard(v))).toBe(fresh(v)); // remembered the second time
    }
    expect(drawn[0]).toContain('10:00–11:30');
  });

  it('keep at most REMEMBERED_MEETING_CARDS_MAX and stay right past it', () => {
    for (let n = 0; n <= REMEMBERED_MEETING_CARDS_MAX; n++) rememberedMeetingCard({ ...base, m: { ...m, id: 1000 + n } });
    expect(String(rememberedMeetingCard(base))).toBe(fresh(base));
  });
});
