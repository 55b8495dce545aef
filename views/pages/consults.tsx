import type { Dict, Locale } from '../i18n';
import { formatLocalDate, formatTime } from '../i18n/format';
import type { ConsultHourRow, ListedHour, MyConsult, MyConsultHours, SlotView } from '../../src/consults/consults';
import { slotEnd, slotStart } from '../../src/consults/slots';
import { ConfirmForm } from '../partials/confirm';
import { ErrorSummary, Field, Select, type FormState } from '../partials/form';
import { NoticeLine } from '../partials/notice';

type Place = Pick<ConsultHourRow, 'locationName' | 'street' | 'postcode' | 'town' | 'onlineUrl'>;

function PlaceText(p: { t: Dict; h: Place; showUrl?: boolean }) {
  if (p.h.locationName)
    return (
      <span>
        {p.h.locationName}, {p.h.street}, {p.h.postcode} {p.h.town}
      </span>
    );
  return <span>{p.showUrl && p.h.onlineUrl ? <a href={p.h.onlineUrl}>{p.t.consults.online}</a> : p.t.consults.online}</span>;
}

/** "di 1 dec 2026, 09:00–10:20" for whole hours; the end is the last slot's end. */
function hoursWhen(locale: Locale, h: Pick<ConsultHourRow, 'date' | 'startTime' | 'slotMinutes' | 'slots'>): string {
  return `${formatLocalDate(locale, h.date, true)}, ${formatTime(locale, slotStart(h, 0))}–${formatTime(locale, slotEnd(h, h.slots - 1))}`;
}

export function slotWhen(locale: Locale, h: Pick<ConsultHourRow, 'date' | 'startTime' | 'slotMinutes'>, slot: number): string {
  return `${formatLocalDate(locale, h.date, true)}, ${formatTime(locale, slotStart(h, slot))}–${formatTime(locale, slotEnd(h, slot))}`;
}

/** GET /consults: open hours the person may see, next two weeks, with a town filter. */
export function ConsultListPage(p: {
  t: Dict;
  locale: Locale;
  hours: ListedHour[];
  towns: string[];
  town: string | null;
  from: string;
  to: string;
  /** The start of the two weeks before and after (null: none before today, none beyond the horizon). */
  earlier: string | null;
  later: string | null;
  /** With none in these two weeks: the first later date that has hours, if any. */
  next: string | null;
  isExpert: boolean;
}) {
  const t = p.t.consults;
  const periodHref = (from: string) => `/consults?${new URLSearchParams({ ...(p.town ? { town: p.town } : {}), from })}`;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {p.isExpert && (
        <p>
          <a href="/consults/mine">{t.navMine}</a>
        </p>
      )}
      <form method="get" action="/consults" class="filters">
        <label for="consult-town">{t.town}</label>
        <select id="consult-town" name="town">
          <option value="" selected={!p.town}>
            {t.anyTown}
          </option>
          <option value="online" selected={p.town === 'online'}>
            {t.online}
          </option>
          {p.towns.map((town) => (
            <option value={town} selected={p.town === town}>
              {town}
            </option>
          ))}
        </select>
        <button type="submit">{t.show}</button>
      </form>
      <p>{t.period(formatLocalDate(p.locale, p.from, true), formatLocalDate(p.locale, p.to, true))}</p>
      <nav aria-label={t.periods} class="period-nav">
        {p.earlier && <a href={periodHref(p.earlier)}>{t.earlier}</a>}
        {p.earlier && p.later && ' · '}
        {p.later && <a href={periodHref(p.later)}>{t.later}</a>}
      </nav>
      {p.hours.length === 0 ? (
        <div class="empty-state">
          <p>{t.empty}</p>
          {p.next ? (
            <p>
              <a href={periodHref(p.next)}>{t.nextOn(formatLocalDate(p.locale, p.next, true))}</a>
            </p>
          ) : (
            <p>{t.emptyWhy}</p>
          )}
          {p.town && (
            <p>
              <a href="/consults">{t.emptyTown}</a>
            </p>
          )}
        </div>
      ) : (
        <ul class="consult-list">
          {p.hours.map((h) => (
            <li>
              <article>
                <h2>
                  <a href={`/consults/${h.id}`}>{hoursWhen(p.locale, h)}</a>
                </h2>
                <p>
                  {t.with(h.expertName, h.orgName)} · <PlaceText t={p.t} h={h} /> · {t.slotsOf(h.slots, h.slotMinutes)} · <strong>{t.free(h.free)}</strong>
                </p>
                <p>
                  <a href={`/consults/${h.id}`}>{t.view}</a>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** GET /consults/:id: the slots, and one booking form (slot, topic from the list, the tick). */
export function ConsultHoursPage(p: {
  t: Dict;
  locale: Locale;
  h: ConsultHourRow;
  slots: SlotView[];
  tags: { id: number; name: string }[];
  own: boolean;
  /** The expert or an org admin of the hours' organisation: may cancel the hours. */
  manage: boolean;
  state: FormState;
}) {
  const t = p.t.consults;
  const h = p.h;
  const free = p.slots.filter((s) => s.state === 'free');
  const mine = p.slots.find((s) => s.state === 'mine');
  const formShown = !p.own && h.status === 'open' && !mine && free.length > 0 && p.tags.length > 0;
  // A refused booking whose form is not drawn again (the slot taken was the last free one, the
  // hours were cancelled meanwhile, one already holds a slot): the reason stands where the form was.
  const refusal = !formShown && p.state.errors ? Object.values(p.state.errors)[0] : undefined;
  return (
    <section>
      <p>
        <a href="/consults">{t.title}</a>
      </p>
      <h1>{hoursWhen(p.locale, h)}</h1>
      <dl>
        <dt>{t.expert}</dt>
        <dd>{t.with(h.expertName, h.orgName)}</dd>
        <dt>{t.place}</dt>
        <dd>
          <PlaceText t={p.t} h={h} showUrl={!!mine || p.own} />
        </dd>
      </dl>
      {h.status !== 'open' && (
        <p role="status">
          <strong>{t.cancelledHours}</strong>
        </p>
      )}
      <h2>{t.slots}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.book.slot}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {p.slots.map((s) => (
            <tr>
              <td>
                {formatTime(p.locale, s.start)}–{formatTime(p.locale, s.end)}
              </td>
              <td>
                {t.slotState[s.state]}
                {s.bookingId !== null && (
                  <>
                    {' · '}
                    <a href={`/consults/bookings/${s.bookingId}/calendar.ics`}>{t.ics.link}</a>
                    {' · '}
                    <CancelButton t={p.t} bookingId={s.bookingId} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.manage && h.status === 'open' && (
        <form method="post" action={`/consults/mine/${h.id}/cancel`}>
          <button type="submit" class="secondary">
            {t.mine.cancel}
          </button>
        </form>
      )}
      {refusal && <NoticeLine notice={{ kind: 'error', text: refusal }} />}
      {p.own ? (
        <p>
          {t.book.ownHours} <a href="/consults/mine">{t.navMine}</a>
        </p>
      ) : h.status !== 'open' || mine ? null : free.length === 0 ? (
        <p class="empty-state">{t.book.noneFree}</p>
      ) : p.tags.length === 0 ? (
        <p class="empty-state">{t.book.noTags}</p>
      ) : (
        <BookForm t={p.t} locale={p.locale} hourId={h.id} free={free} tags={p.tags} state={p.state} />
      )}
    </section>
  );
}

function BookForm(p: { t: Dict; locale: Locale; hourId: number; free: SlotView[]; tags: { id: number; name: string }[]; state: FormState }) {
  const t = p.t.consults;
  const err = p.state.errors ?? {};
  const chosen = p.state.values?.slot;
  const firstFree = p.free[0]?.slot;
  return (
    <form method="post" action={`/consults/${p.hourId}/book`} id="book-consult">
      <ErrorSummary state={p.state} title={p.t.form.errorSummary} idPrefix="consult" labels={{ tagId: t.book.topic }} />
      <fieldset
        id="consult-slot"
        tabindex={err.slot ? -1 : undefined}
        aria-invalid={err.slot ? 'true' : undefined}
        aria-describedby={err.slot ? 'consult-slot-err' : undefined}
      >
        <legend>{t.book.legend}</legend>
        {p.free.map((s) => (
          <label>
            <input type="radio" name="slot" value={String(s.slot)} required checked={chosen !== undefined ? chosen === String(s.slot) : s.slot === firstFree} />{' '}
            {formatTime(p.locale, s.start)}–{formatTime(p.locale, s.end)}
          </label>
        ))}
        {err.slot && (
          <small id="consult-slot-err" class="error">
            {err.slot}
          </small>
        )}
      </fieldset>
      <Select
        state={p.state}
        name="tagId"
        idPrefix="consult"
        label={t.book.topic}
        required
        options={[{ value: '', label: t.book.chooseTopic }, ...p.tags.map((g) => ({ value: String(g.id), label: g.name }))]}
      />
      <small id="consult-topic-hint">{t.book.topicHint}</small>
      <div class="field">
        <label>
          <input
            id="consult-noClientData"
            type="checkbox"
            name="noClientData"
            value="yes"
            required
            checked={p.state.values?.noClientData === 'yes'}
            aria-invalid={err.noClientData ? 'true' : undefined}
            aria-describedby={err.noClientData ? 'consult-noClientData-err' : undefined}
          />{' '}
          {t.book.noClientData}
        </label>
        {err.noClientData && (
          <small id="consult-noClientData-err" class="error">
            {err.noClientData}
          </small>
        )}
      </div>
      <button type="submit">{t.book.submit}</button>
    </form>
  );
}

/** The cancel button: its POST without `confirm=yes` answers with the confirmation page. */
function CancelButton(p: { t: Dict; bookingId: number }) {
  return (
    <form method="post" action={`/consults/bookings/${p.bookingId}/cancel`} class="inline">
      <button type="submit" class="secondary">
        {p.t.consults.cancel.button}
      </button>
    </form>
  );
}

export function ConfirmCancelBookingPage(p: { t: Dict; locale: Locale; c: MyConsult; back: string }) {
  const t = p.t.consults.cancel;
  return (
    <section>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmText(slotWhen(p.locale, p.c, p.c.slot), p.c.expertName)}</p>
      <ConfirmForm action={`/consults/bookings/${p.c.id}/cancel`} submit={t.confirm} back={p.back} backLabel={t.back} />
    </section>
  );
}

/** The consults in "Mijn reserveringen". */
export function MyConsultsSection(p: { t: Dict; locale: Locale; consults: MyConsult[] }) {
  const t = p.t.consults;
  return (
    <section id="consults" aria-labelledby="my-consults">
      <h2 id="my-consults">{t.myList.title}</h2>
      {p.consults.length === 0 ? (
        <p class="empty-state">
          {t.myList.none} — <a href="/consults">{t.myList.find}</a>
        </p>
      ) : (
        p.consults.map((c) => (
          <article class="booking-item">
            <header>
              <h3>{slotWhen(p.locale, c, c.slot)}</h3>
            </header>
            <p>
              <strong>{t.with(c.expertName, c.orgName)}</strong>
              <br />
              <PlaceText t={p.t} h={c} showUrl />
              <br />
              {t.myList.topic(c.tagName ?? '—')}
            </p>
            <p>
              <a href={`/consults/bookings/${c.id}/calendar.ics`}>{t.ics.link}</a>
            </p>
            <CancelButton t={p.t} bookingId={c.id} />
          </article>
        ))
      )}
    </section>
  );
}

/** GET /consults/mine: the expert's hours with who booked which slot on which topic. */
export function MyConsultHoursPage(p: { t: Dict; locale: Locale; hours: MyConsultHours[] }) {
  const t = p.t.consults;
  return (
    <section>
      <h1>{t.mine.title}</h1>
      <p>{t.mine.intro}</p>
      <p>
        <a href="/consults/mine/new" role="button">
          {t.mine.publish}
        </a>
      </p>
      {p.hours.length === 0 ? (
        <p class="empty-state">{t.mine.none}</p>
      ) : (
        p.hours.map((h) => (
          <article>
            <header>
              <h2>{hoursWhen(p.locale, h)}</h2>
              <p>
                <PlaceText t={p.t} h={h} showUrl /> · {t.slotsOf(h.slots, h.slotMinutes)}
              </p>
            </header>
            {h.status !== 'open' && (
              <p>
                <strong>{t.cancelledHours}</strong>
              </p>
            )}
            <ul>
              {Array.from({ length: h.slots }, (_, slot) => {
                const b = h.bookings.find((x) => x.slot === slot);
                return (
                  <li>
                    {formatTime(p.locale, slotStart(h, slot))}–{formatTime(p.locale, slotEnd(h, slot))}:{' '}
                    {b ? (
                      <>
                        {t.mine.bookedBy(b.name ?? t.anonymous, b.orgName, b.tagName ?? '—')} ·{' '}
                        <a href={`/consults/bookings/${b.id}/calendar.ics`}>{t.ics.link}</a>
                      </>
                    ) : (
                      t.mine.free
                    )}
                  </li>
                );
              })}
            </ul>
            {h.status === 'open' && (
              <form method="post" action={`/consults/mine/${h.id}/cancel`}>
                <button type="submit" class="secondary">
                  {t.mine.cancel}
                </button>
              </form>
            )}
          </article>
        ))
      )}
    </section>
  );
}

export function ConfirmCancelHoursPage(p: { t: Dict; locale: Locale; h: ConsultHourRow; booked: number; back: string }) {
  const t = p.t.consults;
  return (
    <section>
      <h1>{t.mine.confirmTitle}</h1>
      <p>{t.mine.confirmText(hoursWhen(p.locale, p.h), p.booked)}</p>
      <ConfirmForm action={`/consults/mine/${p.h.id}/cancel`} submit={t.mine.confirm} back={p.back} backLabel={t.cancel.back} />
    </section>
  );
}

/** GET /consults/mine/new: where (a location of the expert's organisation, or online), when, how many slots. */
export function PublishConsultPage(p: { t: Dict; places: { id: number; name: string }[]; state: FormState }) {
  const t = p.t.consults.publish;
  return (
    <section>
      <p>
        <a href="/consults/mine">{p.t.consults.navMine}</a>
      </p>
      <h1>{t.title}</h1>
      <form method="post" action="/consults/mine/new">
        <ErrorSummary state={p.state} title={t.errors} labels={t} />
        <Select
          state={p.state}
          name="place"
          label={t.place}
          required
          options={[...p.places.map((l) => ({ value: String(l.id), label: l.name })), { value: 'online', label: t.online }]}
        />
        <Field state={p.state} name="onlineUrl" label={t.onlineUrl} type="url" hint={t.onlineUrlHint} maxlength={500} />
        <Field state={p.state} name="date" label={t.date} type="date" required />
        <Field state={p.state} name="startTime" label={t.startTime} type="time" required />
        <Field state={p.state} name="slots" label={t.slots} type="number" min={1} max={16} required hint={t.slotsHint} />
        <Field state={p.state} name="slotMinutes" label={t.slotMinutes} type="number" min={10} max={120} step={5} required />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
