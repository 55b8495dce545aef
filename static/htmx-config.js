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
