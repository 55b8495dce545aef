import type { Dict, Locale } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import { AMENITIES, SPACE_KINDS } from '../../../db/schema/desks';
import type { CapacityConflict, ClosedRun, Location } from '../../../src/desks/desks';
import type { GuestRow as GuestRowData, OpenRequest as OpenRequestData } from '../../../src/desks/bookings';
import { maskToAmenities } from '../../../src/desks/rules';
import { CheckboxGroup, ErrorSummary, Field, Select, TextArea, type FormState } from '../../partials/form';
import { AmenityList, closedName } from '../../partials/desks/cards';
import { GuestRow, RequestRow } from '../../partials/desks/bookings';
import { HOLIDAY_KEYS, type HolidayKey } from '../../../src/desks/holidays';

/** A holiday's label in a choice list: Bevrijdingsdag comes twice (every year, or every five years). */
export function holidayOptions(t: Dict) {
  const choice = t.closures.choice as Partial<Record<HolidayKey, string>>;
  return HOLIDAY_KEYS.map((k) => ({ value: k, label: choice[k] ?? t.closures.holidays[k] }));
}

function Checkbox(p: { state: FormState; name: string; label: string }) {
  const v = p.state.values?.[p.name];
  return (
    <label>
      <input type="checkbox" name={p.name} value="on" checked={v !== undefined && v !== ''} /> {p.label}
    </label>
  );
}

export function LocationsPage(p: { t: Dict; locations: { id: number; name: string; street: string; town: string; orgName: string; spaceCount: number }[] }) {
  const t = p.t.desks.host;
  return (
    <section>
      <h1>{t.locationsTitle}</h1>
      <p>
        <a href="/host/locations/new" role="button">
          {t.newLocation}
        </a>{' '}
        <a href="/host/guests">{p.t.desks.nav.guests}</a>
      </p>
      {p.locations.length === 0 ? (
        <p>{t.noLocations}</p>
      ) : (
        <ul class="locations">
          {p.locations.map((l) => (
            <li>
              <a href={`/host/locations/${l.id}`}>{l.name}</a> — {l.street}, {l.town} ({l.orgName}) · {t.spaces}: {l.spaceCount}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LocationForm(p: {
  t: Dict;
  state: FormState;
  action: string;
  orgs: { orgId: number; orgName: string }[];
  partners: { id: number; name: string }[];
  showOrg: boolean;
}) {
  const t = p.t.desks.host;
  const s = p.state;
  return (
    <>
      <ErrorSummary
        state={s}
        title={p.t.form.errorSummary}
        labels={{
          ...t,
          orgId: t.org,
          sharedOrgIds: t.sharedWith,
          checkinDeadlineMorning: t.deadlineMorning,
          checkinDeadlineAfternoon: t.deadlineAfternoon,
          requestDeadlineDays: p.t.requests.deadlineDays,
          requestDeadlineTime: p.t.requests.deadlineTime,
          guestShareMax: p.t.desks.share.max,
          guestSharePer: p.t.desks.share.per,
          reservedForStaff: p.t.desks.share.reserved,
          reservedUntilHours: p.t.desks.share.until,
          holidayMode: p.t.closures.locationHolidays,
          closedHolidays: p.t.closures.holidaysLegend,
        }}
      />
      <form method="post" action={p.action} novalidate>
        {p.showOrg && (p.orgs.length > 1 || s.errors?.orgId) && (
          <Select state={s} name="orgId" label={t.org} options={p.orgs.map((o) => ({ value: String(o.orgId), label: o.orgName }))} />
        )}
        <Field state={s} name="name" label={t.name} required maxlength={120} />
        <div class="grid">
          <Field state={s} name="street" label={t.street} required maxlength={120} autocomplete="street-address" />
          <Field state={s} name="postcode" label={t.postcode} required maxlength={12} autocomplete="postal-code" />
          <Field state={s} name="town" label={t.town} required maxlength={80} autocomplete="address-level2" />
        </div>
        <TextArea state={s} name="accessibility" label={`${t.accessibility} ${p.t.form.optional}`} maxlength={1000} rows={2} />
        <CheckboxGroup state={s} name="openWeekdays" legend={t.openWeekdays} options={p.t.desks.weekdays.map((w, i) => ({ value: String(i + 1), label: w }))} />
        <TextArea
          state={s}
          name="guestInstructions"
          label={`${t.guestInstructions} ${p.t.form.optional}`}
          hint={t.guestInstructionsHint}
          maxlength={2000}
          rows={4}
        />
        <TextArea state={s} name="houseRules" label={`${t.houseRules} ${p.t.form.optional}`} maxlength={2000} rows={3} />
        <Field state={s} name="contactPerson" label={`${t.contactPerson} ${p.t.form.optional}`} maxlength={200} />
        <Select
          state={s}
          name="sharing"
          label={t.sharing}
          options={[
            { value: 'all', label: t.sharingAll },
            { value: 'list', label: t.sharingList },
          ]}
        />
        <CheckboxGroup state={s} name="sharedOrgIds" legend={t.sharedWith} options={p.partners.map((o) => ({ value: String(o.id), label: o.name }))} />
        <Checkbox state={s} name="approvalRequired" label={t.approvalRequired} />
        <div class="grid">
          <Field
            state={s}
            name="requestDeadlineDays"
            label={p.t.requests.deadlineDays}
            type="number"
            min={0}
            max={10}
            required
            hint={p.t.requests.deadlineHint}
          />
          <Field state={s} name="requestDeadlineTime" label={p.t.requests.deadlineTime} type="time" required />
        </div>
        <fieldset>
          <legend>{p.t.desks.share.legend}</legend>
          <p>{p.t.desks.share.intro}</p>
          <div class="grid">
            <Field
              state={s}
              name="guestShareMax"
              label={`${p.t.desks.share.max} ${p.t.form.optional}`}
              type="number"
              min={1}
              max={100}
              hint={p.t.desks.share.maxHint}
            />
            <Select
              state={s}
              name="guestSharePer"
              label={p.t.desks.share.per}
              options={[
                { value: 'day', label: p.t.desks.share.perDay },
                { value: 'week', label: p.t.desks.share.perWeek },
              ]}
            />
          </div>
          <div class="grid">
            <Field
              state={s}
              name="reservedForStaff"
              label={p.t.desks.share.reserved}
              type="number"
              min={0}
              max={500}
              required
              hint={p.t.desks.share.reservedHint}
            />
            <Field
              state={s}
              name="reservedUntilHours"
              label={p.t.desks.share.until}
              type="number"
              min={0}
              max={336}
              required
              hint={p.t.desks.share.untilHint}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{p.t.closures.locationHolidays}</legend>
          <label>
            <input type="radio" name="holidayMode" value="inherit" checked={s.values?.holidayMode !== 'own'} /> {p.t.closures.locationInherit}
          </label>
          <label>
            <input type="radio" name="holidayMode" value="own" checked={s.values?.holidayMode === 'own'} /> {p.t.closures.locationOwn}
          </label>
          <CheckboxGroup state={s} name="closedHolidays" legend={p.t.closures.holidaysLegend} options={holidayOptions(p.t)} />
        </fieldset>
        <div class="grid">
          <Field state={s} name="horizonWeeks" label={t.horizonWeeks} type="number" min={1} max={52} required />
          <Field state={s} name="checkinDeadlineMorning" label={t.deadlineMorning} type="time" required hint={t.deadlineHint} />
          <Field state={s} name="checkinDeadlineAfternoon" label={t.deadlineAfternoon} type="time" required />
        </div>
        <button type="submit">{t.save}</button>
      </form>
    </>
  );
}

export function SpaceForm(p: { t: Dict; state: FormState; action: string; conflicts?: CapacityConflict[]; locale: Locale; idPrefix?: string }) {
  const t = p.t.desks.host;
  const s = p.state;
  return (
    <>
      <ErrorSummary state={s} title={p.t.form.errorSummary} labels={t} idPrefix={p.idPrefix}>
        {p.conflicts && p.conflicts.length > 0 && (
          <ul>
            {p.conflicts.map((c) => (
              <li>{t.capacityConflictItem(formatLocalDate(p.locale, c.date, true), p.t.dayparts[c.daypart], c.n)}</li>
            ))}
          </ul>
        )}
      </ErrorSummary>
      <form method="post" action={p.action} novalidate>
        <Field state={s} name="name" label={t.name} required maxlength={120} idPrefix={p.idPrefix} />
        <div class="grid">
          <Select state={s} name="kind" label={t.kind} options={SPACE_KINDS.map((k) => ({ value: k, label: p.t.desks.kinds[k] }))} idPrefix={p.idPrefix} />
          <Field state={s} name="capacity" label={t.capacity} type="number" min={1} max={500} required idPrefix={p.idPrefix} />
        </div>
        <CheckboxGroup
          state={s}
          name="amenities"
          legend={t.amenities}
          options={AMENITIES.map((a) => ({ value: a, label: p.t.desks.amenities[a] }))}
          idPrefix={p.idPrefix}
        />
        <Checkbox state={s} name="active" label={t.active} />
        <button type="submit">{t.save}</button>
      </form>
    </>
  );
}

export type LocationPageProps = {
  t: Dict;
  locale: Locale;
  location: Location;
  orgs: { orgId: number; orgName: string }[];
  partners: { id: number; name: string }[];
  spaces: { id: number; name: string; kind: (typeof SPACE_KINDS)[number]; capacity: number; amenities: number; active: boolean }[];
  closures: { id: number; startDate: string; endDate: string; reason: string; spaceName: string | null }[];
  /** Every day the location is closed up to its horizon: its own closures, the organisation's and the network's, and the holidays it closes for. */
  closedAhead: ClosedRun[];
  /** Today's local date, for the "who is here today" link. */
  today: string;
  locationState: FormState;
  spaceState: FormState;
  closureState: FormState;
};

export function LocationPage(p: LocationPageProps) {
  const t = p.t.desks.host;
  const l = p.location;
  return (
    <section>
      <h1>{t.editLocation(l.name)}</h1>
      <p>
        <a href={`/host/guests?location=${l.id}`}>{p.t.desks.nav.guests}</a> · <a href={`/host/locations/${l.id}/poster`}>{p.t.desks.checkinHere.poster}</a> ·{' '}
        <a href={`/people/here/${l.id}/${p.today}`}>{p.t.people.here.today}</a>
      </p>
      <h2 id="spaces">{t.spaces}</h2>
      {p.spaces.length === 0 ? (
        <p>{t.noSpaces}</p>
      ) : (
        <ul class="spaces">
          {p.spaces.map((s) => (
            <li>
              <a href={`/host/spaces/${s.id}`}>{s.name}</a> — {p.t.desks.kinds[s.kind]}, {p.t.desks.space.capacity(s.capacity)}
              {!s.active && ` (${t.inactive})`}
              {maskToAmenities(s.amenities).length > 0 && <AmenityList t={p.t} mask={s.amenities} />}
            </li>
          ))}
        </ul>
      )}
      <details open={p.spaceState.errors ? true : undefined}>
        <summary>{t.addSpace}</summary>
        <SpaceForm t={p.t} locale={p.locale} state={p.spaceState} action={`/host/locations/${l.id}/spaces`} idPrefix="space" />
      </details>
      <h2 id="closures">{t.closures}</h2>
      {p.closures.length === 0 ? (
        <p>{t.noClosures}</p>
      ) : (
        <ul class="closures">
          {p.closures.map((c) => (
            <li>
              {formatLocalDate(p.locale, c.startDate, true)}
              {c.endDate !== c.startDate && ` – ${formatLocalDate(p.locale, c.endDate, true)}`}: {c.reason} ({c.spaceName ?? t.wholeLocation})
              <form method="post" action={`/host/closures/${c.id}/delete`} class="inline">
                <button type="submit" class="secondary small">
                  {t.deleteClosure}
                  <span class="visually-hidden">{`: ${c.reason}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3 id="closed-ahead">{t.closedAheadTitle}</h3>
      <p>{t.closedAheadIntro}</p>
      {p.closedAhead.length === 0 ? (
        <p>{t.closedAheadNone}</p>
      ) : (
        <ul aria-labelledby="closed-ahead" class="closed-ahead">
          {p.closedAhead.map((r) => (
            <li>
              {formatLocalDate(p.locale, r.from, true)}
              {r.to !== r.from && ` – ${formatLocalDate(p.locale, r.to, true)}`}: {closedName(p.t, r.closed)}
            </li>
          ))}
        </ul>
      )}
      <details open={p.closureState.errors ? true : undefined}>
        <summary>{t.addClosure}</summary>
        <ErrorSummary state={p.closureState} title={p.t.form.errorSummary} labels={{ ...t, spaceId: t.closureSpace }} />
        <form method="post" action={`/host/locations/${l.id}/closures`} novalidate>
          <div class="grid">
            <Field state={p.closureState} name="startDate" label={t.startDate} type="date" required />
            <Field state={p.closureState} name="endDate" label={t.endDate} type="date" required />
          </div>
          <Select
            state={p.closureState}
            name="spaceId"
            label={t.closureSpace}
            options={[{ value: '', label: t.wholeLocation }, ...p.spaces.map((s) => ({ value: String(s.id), label: s.name }))]}
          />
          <Field state={p.closureState} name="reason" label={t.reason} required maxlength={200} />
          <button type="submit">{t.addClosure}</button>
        </form>
      </details>
      <h2 id="details">{t.editLocation(l.name)}</h2>
      <LocationForm t={p.t} state={p.locationState} action={`/host/locations/${l.id}`} orgs={p.orgs} partners={p.partners} showOrg={false} />
    </section>
  );
}

export function GuestListPage(p: {
  t: Dict;
  locale: Locale;
  locations: { id: number; name: string }[];
  locationId: number | null;
  locationName: string | null;
  date: string;
  guests: GuestRowData[];
  today: string;
  /** Now, HH:MM in Amsterdam. */
  time: string;
  state: FormState;
}) {
  const t = p.t.desks.guests;
  return (
    <section>
      <h1>{p.locationName ? t.titleFor(p.locationName, formatLocalDate(p.locale, p.date, true)) : t.title}</h1>
      {p.locations.length === 0 ? (
        <p class="empty-state">
          {t.noLocations} <a href="/host/locations/new">{t.addLocation}</a>
        </p>
      ) : (
        <>
          <ErrorSummary state={p.state} title={p.t.form.errorSummary} labels={t} />
          <form method="get" action="/host/guests" class="guest-filter" novalidate>
            <div class="grid">
              <Select
                state={p.state}
                name="location"
                label={t.location}
                value={p.locationId ? String(p.locationId) : undefined}
                options={p.locations.map((l) => ({ value: String(l.id), label: l.name }))}
              />
              <Field state={p.state} name="date" label={t.date} type="date" value={p.state.errors?.date ? undefined : p.date} />
            </div>
            <button type="submit">{t.show}</button>
          </form>
          {p.locationId && p.date === p.today && (
            <p>
              <a href={`/host/walk-ins/${p.locationId}`}>{p.t.desks.walkIn.link}</a>
            </p>
          )}
          {p.guests.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.org}</th>
                    <th scope="col">{t.space}</th>
                    <th scope="col">{t.daypart}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.note}</th>
                    <th scope="col">{t.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.guests.map((g) => (
                    <GuestRow t={p.t} locale={p.locale} g={g} today={p.today} time={p.time} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function NewLocationPage(p: { t: Dict; state: FormState; orgs: { orgId: number; orgName: string }[]; partners: { id: number; name: string }[] }) {
  return (
    <section>
      <h1>{p.t.desks.host.newLocation}</h1>
      <LocationForm t={p.t} state={p.state} action="/host/locations/new" orgs={p.orgs} partners={p.partners} showOrg />
    </section>
  );
}

export function SpaceEditPage(p: {
  t: Dict;
  locale: Locale;
  spaceId: number;
  spaceName: string;
  locationId: number;
  locationName: string;
  state: FormState;
  conflicts?: CapacityConflict[];
}) {
  return (
    <section>
      <h1>{p.t.desks.host.editSpace(p.spaceName)}</h1>
      <p>
        <a href={`/host/locations/${p.locationId}`}>← {p.locationName}</a>
      </p>
      <SpaceForm t={p.t} locale={p.locale} state={p.state} action={`/host/spaces/${p.spaceId}`} conflicts={p.conflicts} />
    </section>
  );
}

export function RequestsPage(p: { t: Dict; locale: Locale; requests: OpenRequestData[]; today: string; now: Date }) {
  const t = p.t.requests;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {p.requests.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={p.t.tableRegion}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.requestedAt}</th>
                <th scope="col">{p.t.desks.guests.name}</th>
                <th scope="col">{t.location}</th>
                <th scope="col">{t.when}</th>
                <th scope="col">{p.t.desks.guests.note}</th>
                <th scope="col">{t.respondBy}</th>
                <th scope="col">{p.t.desks.guests.actions}</th>
              </tr>
            </thead>
            <tbody>
              {p.requests.map((r) => (
                <RequestRow t={p.t} locale={p.locale} r={r} today={p.today} now={p.now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A page to print and hang at the entrance: the location's check-in link for guests' phones. */
export function CheckinPosterPage(p: { t: Dict; locationName: string; url: string; qrSrc: string }) {
  const t = p.t.desks.checkinHere;
  return (
    <section class="checkin-poster">
      <h1>{t.posterTitle(p.locationName)}</h1>
      <p>{t.posterIntro}</p>
      <img class="checkin-qr" src={p.qrSrc} alt={t.posterQrAlt(p.locationName)} width="240" height="240" />
      <p class="checkin-link">
        <a href={p.url}>{p.url}</a>
      </p>
    </section>
  );
}
