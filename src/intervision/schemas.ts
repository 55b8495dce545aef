import { z } from 'zod';
import { MEETING_KINDS, MEETING_METHODS, PLACE_KINDS, PRESENCES, VISIBILITIES, type Presence } from '../../db/schema';
import { fields, parseId, perDict, single, validate, type FieldErrors, type FormResult, type FormValues } from '../lib/forms';
import { addDays, instantOf, isValidLocalDate, isValidTime, localDateOf, localTimeOf, wallClockInstant } from '../lib/time';
import type { Dict } from '../../views/i18n';
import { dayOff, workingDayBefore } from '../desks/holidays';
import type { AttendanceEntry } from './attendance';
import type { MeetingLocation } from './locations';
import { seriesWeeks, type GroupInput } from './groups';
import type { Meeting, MeetingFilters, MeetingInput } from './meetings';

const count = (msg: string) =>
  z
    .string({ error: msg })
    .trim()
    .regex(/^\d{1,3}$/, msg)
    .transform(Number)
    .pipe(z.number().int().min(1, msg).max(100, msg));

const optionalCount = (msg: string) =>
  z
    .string({ error: msg })
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\d{1,3}$/, msg)
        .transform(Number)
        .pipe(z.number().int().min(1, msg).max(100, msg))
        .nullable(),
    );

const date = (t: Dict) => z.string({ error: t.errors.invalidDate }).trim().refine(isValidLocalDate, t.errors.invalidDate);
const time = (t: Dict) => z.string({ error: t.intervision.form.errors.time }).trim().refine(isValidTime, t.intervision.form.errors.time);

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const baseSchema = perDict((t: Dict) => {
  const e = t.intervision.form.errors;
  return z.object({
    orgId: z
      .string({ error: e.org })
      .regex(/^\d{1,9}$/, e.org)
      .transform(Number),
    title: fields.text(t, 120),
    kind: z.enum(MEETING_KINDS, { error: t.errors.invalidChoice }),
    method: z.enum(MEETING_METHODS, { error: t.errors.invalidChoice }),
    description: fields.multiline(t, 2000),
    date: date(t),
    start: time(t),
    end: time(t),
    placeKind: z.enum(PLACE_KINDS, { error: t.errors.invalidChoice }),
    locationId: z.string().optional(),
    placeName: fields.optionalText(t, 120),
    address: fields.optionalText(t, 200),
    town: fields.optionalText(t, 80),
    onlineUrl: fields.optionalText(t, 500),
    min: count(e.minRange),
    max: count(e.maxRange),
    maxPerOrg: optionalCount(e.perOrgRange),
    opensDate: date(t),
    opensTime: time(t),
    closesDate: date(t),
    closesTime: time(t),
    cancelDate: date(t),
    cancelTime: time(t),
    visibility: z.enum(VISIBILITIES, { error: t.errors.invalidChoice }),
    visibleOrgs: ids,
  });
});

export type MeetingFormContext = {
  facilitatorOrgIds: number[];
  knownOrgIds: number[];
  now: Date;
  locations?: MeetingLocation[];
  /** When editing: the deadlines as stored, so that one left as it was is not refused for having passed. */
  stored?: Pick<Meeting, 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadlineAt'>;
};

/** A typed date and time as an instant, or the message for a time the clocks skip that night (`wallClockInstant`). */
function typedInstant(t: Dict, date: string, time: string): { at: Date; error?: string } {
  const w = wallClockInstant(date, time);
  return w.ok ? { at: w.at } : { at: instantOf(date, time), error: t.errors.noSuchTime(date, w.gap.from, w.gap.to) };
}

/**
 * The meeting form: field rules first, then the rules between fields (end after start, maximum
 * at least minimum, sign-up closes before the start …), each message next to its own field.
 * Local dates and times become UTC instants with `wallClockInstant` (Europe/Amsterdam); a time
 * that does not exist that night (the clocks go forward) is refused at its field.
 *
 * Deadlines (ADR 005): sign-up opens whenever (in the past: open now); it closes after it opens,
 * not after the start, and not in the past; the cancellation deadline lies after sign-up opens,
 * not after the start, and not in the past. On an edit, "not in the past" holds only for a
 * deadline that is changed (and "after sign-up opens" only when one of the two is): a deadline
 * that passed as planned does not block an edit of the description.
 */
export function parseMeetingForm(values: FormValues, t: Dict, ctx: MeetingFormContext): FormResult<MeetingInput> {
  const e = t.intervision.form.errors;
  const base = validate(baseSchema(t), values, t);
  if (!base.ok) return base;
  const d = base.data;
  const errors: FieldErrors = {};
  if (!ctx.facilitatorOrgIds.includes(d.orgId)) errors.orgId = e.org;
  const instant = (date: string, time: string, field: string) => {
    const r = typedInstant(t, date, time);
    if (r.error) errors[field] = r.error;
    return r.at;
  };
  const startsAt = instant(d.date, d.start, 'start');
  const endsAt = instant(d.date, d.end, 'end');
  const signupOpensAt = instant(d.opensDate, d.opensTime, 'opensTime');
  const signupClosesAt = instant(d.closesDate, d.closesTime, 'closesTime');
  const cancelDeadlineAt = instant(d.cancelDate, d.cancelTime, 'cancelTime');
  const changed = (key: keyof NonNullable<MeetingFormContext['stored']>, at: Date) => ctx.stored?.[key].getTime() !== at.getTime();
  if (endsAt <= startsAt) errors.end ??= e.endBeforeStart;
  if (startsAt <= ctx.now) errors.date = e.inPast;
  if (d.max < d.min) errors.max = e.maxBelowMin;
  if (d.maxPerOrg !== null && d.maxPerOrg > d.max) errors.maxPerOrg = e.perOrgRange;
  if (signupClosesAt <= signupOpensAt) errors.closesDate = e.closeAfterOpen;
  else if (signupClosesAt > startsAt) errors.closesDate = e.closeBeforeStart;
  else if (signupClosesAt <= ctx.now && changed('signupClosesAt', signupClosesAt)) errors.closesDate = e.closeInPast;
  if (cancelDeadlineAt > startsAt) errors.cancelDate = e.cancelBeforeStart;
  else if (cancelDeadlineAt <= signupOpensAt && (changed('cancelDeadlineAt', cancelDeadlineAt) || changed('signupOpensAt', signupOpensAt)))
    errors.cancelDate = e.cancelAfterOpen;
  else if (cancelDeadlineAt <= ctx.now && changed('cancelDeadlineAt', cancelDeadlineAt)) errors.cancelDate = e.cancelInPast;
  // A partner location chosen from the list fills in name, address and town from its own record.
  let place = { locationId: null as number | null, placeName: d.placeName, address: d.address, town: d.town };
  const chosen = d.placeKind === 'location' && d.locationId ? parseId(d.locationId) : null;
  if (d.placeKind === 'location' && d.locationId) {
    // Only a location open to the organising organisation (the picker lists those of all the facilitator's organisations).
    const loc = chosen ? ctx.locations?.find((l) => l.id === chosen && l.openTo.includes(d.orgId)) : undefined;
    if (!loc) errors.locationId = t.errors.invalidChoice;
    else place = { locationId: loc.id, placeName: `${loc.name} (${loc.orgName})`, address: `${loc.street}, ${loc.postcode}`, town: loc.town };
  }
  if (d.placeKind === 'online') {
    if (!d.onlineUrl || !/^https:\/\/[^\s<>"]+$/.test(d.onlineUrl) || !URL.canParse(d.onlineUrl)) errors.onlineUrl = e.onlineUrl;
  } else {
    if (d.placeKind === 'location' && !place.placeName) errors.placeName = e.needPlaceName;
    if (!place.address) errors.address = e.needAddress;
    if (!place.town) errors.town = e.needTown;
  }
  const visibleOrgIds = d.visibleOrgs.map(Number).filter((n) => Number.isInteger(n));
  if (d.visibility === 'list') {
    if (visibleOrgIds.length === 0 || visibleOrgIds.some((id) => !ctx.knownOrgIds.includes(id))) errors.visibleOrgs = e.needOrgs;
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    data: {
      orgId: d.orgId,
      title: d.title,
      kind: d.kind,
      method: d.method,
      description: d.description ?? '',
      startsAt,
      endsAt,
      placeKind: d.placeKind,
      locationId: place.locationId,
      placeName: d.placeKind === 'online' ? null : place.placeName,
      address: d.placeKind === 'online' ? null : place.address,
      town: d.placeKind === 'online' ? null : place.town,
      onlineUrl: d.placeKind === 'online' ? d.onlineUrl : null,
      minParticipants: d.min,
      maxParticipants: d.max,
      maxPerOrg: d.maxPerOrg,
      signupOpensAt,
      signupClosesAt,
      cancelDeadlineAt,
      visibility: d.visibility,
      visibleOrgIds: d.visibility === 'list' ? visibleOrgIds : [],
    },
  };
}

/**
 * Deadlines that fall on a weekend or holiday (`dayOff`): allowed, but worth a warning to the
 * facilitator, since participants rarely expect a deadline on a day off.
 */
export function deadlinesOnDaysOff(m: Pick<MeetingInput, 'signupClosesAt' | 'cancelDeadlineAt'>) {
  const on = (which: 'signup' | 'cancel', at: Date) => {
    const date = localDateOf(at);
    const off = dayOff(date);
    return off ? [{ which, date, off }] : [];
  };
  return [...on('signup', m.signupClosesAt), ...on('cancel', m.cancelDeadlineAt)];
}

export function parseGroupForm(values: FormValues, t: Dict, ctx: MeetingFormContext): FormResult<GroupInput> {
  const e = t.intervision.form.errors;
  const meeting = parseMeetingForm(values, t, ctx);
  const series = validate(
    z.object({
      cadenceWeeks: z
        .string({ error: e.cadence })
        .trim()
        .regex(/^\d{1,2}$/, e.cadence)
        .transform(Number)
        .pipe(z.number().min(1, e.cadence).max(52, e.cadence)),
      count: z
        .string({ error: e.count })
        .trim()
        .regex(/^\d{1,2}$/, e.count)
        .transform(Number)
        .pipe(z.number().min(1, e.count).max(52, e.count)),
      closed: fields.checkbox(),
    }),
    values,
    t,
  );
  if (!meeting.ok || !series.ok) return { ok: false, values, errors: { ...(meeting.ok ? {} : meeting.errors), ...(series.ok ? {} : series.errors) } };
  const errors = seriesTimeErrors(values, t, series.data);
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return { ok: true, values, data: { ...meeting.data, ...series.data } };
}

/**
 * Every later meeting of a series repeats the first one's wall-clock times (and deadlines) a whole
 * number of weeks on (`createGroup`): each must exist on its own date too. The first meeting that
 * falls in the hour the clocks skip is named at the field of that time.
 */
function seriesTimeErrors(values: FormValues, t: Dict, g: Pick<GroupInput, 'cadenceWeeks' | 'count'>): FieldErrors {
  const errors: FieldErrors = {};
  const pairs = [
    ['date', 'start', 'start'],
    ['date', 'end', 'end'],
    ['closesDate', 'closesTime', 'closesTime'],
    ['cancelDate', 'cancelTime', 'cancelTime'],
  ] as const;
  for (const [n, weeks] of seriesWeeks(g).entries()) {
    for (const [dateField, timeField, errorField] of pairs) {
      const date = addDays(single(values[dateField]).trim(), weeks * 7);
      const r = typedInstant(t, date, single(values[timeField]).trim());
      if (r.error && !errors[errorField]) errors[errorField] = `${t.intervision.form.errors.seriesDate(n + 1, t.longDate(date))} ${r.error}`;
    }
  }
  return errors;
}

/** Form values for a new meeting: two weeks ahead, 14:00–16:00, sign-up open now until the working day before (`workingDayBefore`). */
export function newMeetingValues(now: Date, orgId: number | undefined): FormValues {
  const day = addDays(localDateOf(now), 14);
  const deadline = workingDayBefore(day);
  return {
    orgId: orgId ? String(orgId) : '',
    kind: 'intervisie',
    method: 'incident',
    date: day,
    start: '14:00',
    end: '16:00',
    placeKind: 'address',
    min: '4',
    max: '8',
    opensDate: localDateOf(now),
    opensTime: '00:00',
    closesDate: deadline,
    closesTime: '17:00',
    cancelDate: deadline,
    cancelTime: '17:00',
    visibility: 'all',
    cadenceWeeks: '6',
    count: '6',
  };
}

/** Form values of an existing meeting, in Amsterdam local time. */
export function meetingValues(m: Meeting, visibleOrgIds: number[]): FormValues {
  return {
    orgId: String(m.orgId),
    title: m.title,
    kind: m.kind,
    method: m.method,
    description: m.description,
    date: localDateOf(m.startsAt),
    start: localTimeOf(m.startsAt),
    end: localTimeOf(m.endsAt),
    placeKind: m.placeKind,
    locationId: m.locationId === null ? '' : String(m.locationId),
    placeName: m.placeName ?? '',
    address: m.address ?? '',
    town: m.town ?? '',
    onlineUrl: m.onlineUrl ?? '',
    min: String(m.minParticipants),
    max: String(m.maxParticipants),
    maxPerOrg: m.maxPerOrg === null ? '' : String(m.maxPerOrg),
    opensDate: localDateOf(m.signupOpensAt),
    opensTime: localTimeOf(m.signupOpensAt),
    closesDate: localDateOf(m.signupClosesAt),
    closesTime: localTimeOf(m.signupClosesAt),
    cancelDate: localDateOf(m.cancelDeadlineAt),
    cancelTime: localTimeOf(m.cancelDeadlineAt),
    visibility: m.visibility,
    visibleOrgs: visibleOrgIds.map(String),
  };
}

/** Reads a form's values only; the parse* functions below validate them. */
export const rawForm = z.unknown();

export const signupSchema = z.object({
  orgId: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null)),
  bringsCase: fields.checkbox(),
});

/** Attendance fields are named presence_<registrationId> and minutes_<registrationId>. */
export function parseAttendanceForm(values: FormValues, registrationIds: number[], maxMinutes: number, t: Dict): FormResult<AttendanceEntry[]> {
  const entries: AttendanceEntry[] = [];
  const errors: FieldErrors = {};
  for (const id of registrationIds) {
    const p = single(values[`presence_${id}`]);
    const presence: Presence | null = (PRESENCES as readonly string[]).includes(p) ? (p as Presence) : null;
    if (p !== '' && presence === null) errors[`presence_${id}`] = t.errors.invalidChoice;
    const raw = single(values[`minutes_${id}`]).trim();
    let minutes: number | null = null;
    if (raw !== '') {
      if (!/^\d{1,4}$/.test(raw) || Number(raw) > maxMinutes) errors[`minutes_${id}`] = t.intervision.attendance.minutesInvalid(maxMinutes);
      else minutes = Number(raw);
    }
    entries.push({ registrationId: id, presence, minutesPresent: minutes });
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, data: entries, values };
}

/** A statement's period: real dates, in order, and over by `today` (it proves what was attended, not what is planned). */
export function parsePeriodForm(values: FormValues, t: Dict, today: string): FormResult<{ from: string; to: string }> {
  const r = validate(z.object({ from: date(t), to: date(t) }), values, t);
  if (r.ok && r.data.to < r.data.from) return { ok: false, values, errors: { to: t.intervision.reflection.toBeforeFrom } };
  if (r.ok && r.data.to > today) return { ok: false, values, errors: { to: t.intervision.reflection.toInFuture } };
  return r;
}

/** List filters from the query string; anything unknown is ignored, never an error. */
export function parseFilters(q: Record<string, string | undefined>): MeetingFilters & { raw: Record<string, string> } {
  const raw: Record<string, string> = {};
  const f: MeetingFilters = {};
  if (q.kind && (MEETING_KINDS as readonly string[]).includes(q.kind)) f.kind = q.kind as MeetingFilters['kind'];
  if (q.method && (MEETING_METHODS as readonly string[]).includes(q.method)) f.method = q.method as MeetingFilters['method'];
  if (q.where === 'online') f.online = true;
  else if (q.where && q.where.length <= 80) f.town = q.where;
  if (q.org && /^\d{1,9}$/.test(q.org)) f.orgId = Number(q.org);
  if (q.from && isValidLocalDate(q.from)) f.from = instantOf(q.from, '00:00');
  for (const k of ['kind', 'method', 'where', 'org', 'from'] as const) if (q[k]) raw[k] = q[k]!.slice(0, 80);
  return { ...f, raw };
}
