import type { Child } from 'hono/jsx';

/**
 * The second, confirming step of a destructive action: a form that posts `confirm=yes` (with the
 * hidden fields of the first step, if any) and a link back that changes nothing. Without
 * JavaScript as with it; the page around it says what will happen.
 */
export function ConfirmForm(p: { action: string; submit: string; back: string; backLabel: string; children?: Child }) {
  return (
    <form method="post" action={p.action}>
      {p.children}
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" class="contrast">
        {p.submit}
      </button>{' '}
      <a href={p.back}>{p.backLabel}</a>
    </form>
  );
}

/**
 * A destructive action behind a disclosure: its name opens what will happen and the confirming
 * button. For actions on the page itself (giving up a place, removing a setting, cancelling a
 * booking); works without JavaScript, and `htmx` adds the attributes that swap the outcome in place.
 */
export function ConfirmDisclosure(p: { summary: string; action: string; says: string; submit: string; htmx?: Record<`hx-${string}`, string> }) {
  return (
    <details>
      <summary>{p.summary}</summary>
      <form method="post" action={p.action} {...p.htmx}>
        <p>{p.says}</p>
        <button type="submit" class="contrast">
          {p.submit}
        </button>
      </form>
    </details>
  );
}
