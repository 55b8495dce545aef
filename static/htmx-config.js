// htmx's settings for every page. A file, not a <meta name="htmx-config"> repeated in every page
// (issue #18: page weight); deferred scripts run in order before DOMContentLoaded, when htmx
// starts. The Content-Security-Policy (script-src 'self', no 'unsafe-eval') blocks eval either way.
Object.assign(htmx.config, {
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  includeIndicatorStyles: false,
  selfRequestsOnly: true,
  // Only the search cards' booking forms are boosted (hx-boost): the card is swapped in place, the page does not scroll.
  scrollIntoViewOnBoost: false,
  // Validation errors come back as 422 with the form re-rendered: swap them like a 200.
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: false, error: true },
  ],
});

// A search form (hx-trigger "change, input changed delay:…") already searches while one types in
// its text fields; the change event those fields fire when they lose the focus would start the
// same search again — and when the focus left because a card's Reserveren was pressed, that second
// search replaced the results while the booking was under way, and its outcome was lost.
document.addEventListener('htmx:confirm', (event) => {
  const cause = event.detail.triggeringEvent;
  if (cause?.type === 'change' && cause.target instanceof HTMLInputElement && cause.target.type === 'search') event.preventDefault();
});

// When an htmx request gets no answer it can swap (a 4xx other than 422, a 5xx: see responseHandling
// above) or no answer at all (the connection dropped), htmx swaps nothing: the button seemed to do
// nothing. Say so beside the element that sent it, in the page's language. One message per element:
// a second failure replaces it, a later success removes it.
const FAILED = {
  nl: {
    failed: 'Dat is niet gelukt. Vernieuw de pagina en probeer het opnieuw.',
    offline: 'Gastplek is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  },
  en: {
    failed: 'That did not work. Reload the page and try again.',
    offline: 'Gastplek cannot be reached. Check the connection and try again.',
  },
};
// Only for what the person did (a form sent, a button pressed, a choice changed): a background poll
// or a suggestion while typing fails quietly, as it retries by itself, and never takes the focus.
const BY_HAND = new Set(['submit', 'click', 'change']);
function sayFailed(event, kind) {
  const elt = event.detail.elt;
  const cause = event.detail.requestConfig?.triggeringEvent?.type;
  if (!(elt instanceof Element) || !elt.isConnected || !BY_HAND.has(cause)) return;
  const words = FAILED[document.documentElement.lang] ?? FAILED.nl;
  let note = elt.nextElementSibling;
  if (!note?.classList.contains('htmx-failed')) {
    note = document.createElement('p');
    note.className = 'notice notice-error htmx-failed';
    note.setAttribute('role', 'alert');
    note.tabIndex = -1;
    elt.after(note);
  }
  note.textContent = words[kind];
  // A changed choice keeps the focus where it is (the person may go on choosing); a sent form or a pressed button moves it to the message.
  if (cause !== 'change') note.focus();
}
document.addEventListener('htmx:responseError', (event) => sayFailed(event, 'failed'));
document.addEventListener('htmx:sendError', (event) => sayFailed(event, 'offline'));
document.addEventListener('htmx:afterRequest', (event) => {
  if (!event.detail.successful) return;
  const next = event.detail.elt?.nextElementSibling;
  if (next?.classList.contains('htmx-failed')) next.remove();
});
