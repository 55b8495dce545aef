export type Notice = { kind: 'ok' | 'error'; text: string };

/**
 * The outcome of an action, in the element the action returned or beside the form that was sent.
 * It takes the focus when it appears (htmx focuses `[autofocus]` in swapped content, a browser on a
 * page load), so keyboard and screen-reader users land on the outcome instead of on <body> (the
 * button they pressed may be gone) and the page scrolls to it.
 */
export function NoticeLine(p: { notice?: Notice | null; id?: string }) {
  if (!p.notice) return null;
  return p.notice.kind === 'ok' ? (
    <p id={p.id} class="notice notice-ok" role="status" tabindex={-1} autofocus>
      {p.notice.text}
    </p>
  ) : (
    <p id={p.id} class="notice notice-error" role="alert" tabindex={-1} autofocus>
      {p.notice.text}
    </p>
  );
}
