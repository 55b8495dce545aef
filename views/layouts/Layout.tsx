import type { Child } from 'hono/jsx';
import type { Dict, Locale } from '../i18n';
import type { Membership, SessionUser } from '../../src/types';
import { navItems } from './nav';

export type LayoutProps = {
  t: Dict;
  locale: Locale;
  title: string;
  user: SessionUser | null;
  memberships: Membership[];
  currentPath: string;
  /** Where the language switch comes back to (the path with its query); the path when absent. */
  returnTo?: string;
  devOutbox: boolean;
  flash?: string | null;
  unread?: number;
  openRequests?: number;
  children?: Child;
};

export function Layout(p: LayoutProps) {
  const items = navItems(p.t, p.user, p.memberships, p.devOutbox, p.unread ?? 0, p.openRequests ?? 0);
  const other: Locale = p.locale === 'nl' ? 'en' : 'nl';
  const links = items.map((i) => (
    <li>
      <a href={i.href} aria-current={i.href === p.currentPath ? 'page' : undefined}>
        {i.label}
      </a>
    </li>
  ));
  return (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${p.t.appName}`}</title>
        {/* Without an icon of its own the browser asks for /favicon.ico, a 404 on every first visit. */}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/vendor/pico.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
        {/* htmx's settings, from a file (cached) rather than a <meta> on every page: it runs before htmx starts (DOMContentLoaded). */}
        <script src="/static/htmx-config.js" defer></script>
      </head>
      <body hx-boost="false">
        <a class="skip-link" href="#main">
          {p.t.skipToContent}
        </a>
        <header class="container">
          <nav aria-label={p.t.nav.mainMenu}>
            <ul>
              <li>
                <a href="/" class="brand">
                  <strong>{p.t.appName}</strong>
                </a>
              </li>
            </ul>
            {/* Wide screens: the links in a row. Phones: the links behind "Menu", a <details> that needs no JavaScript and
                shows the list after it while open (CSS :has). One list, so every page carries the links once. */}
            <details class="nav-menu">
              <summary>{p.t.nav.menu}</summary>
            </details>
            <ul class="nav-links">{links}</ul>
            <ul class="nav-actions">
              <li>
                <form method="post" action="/language" class="inline">
                  <input type="hidden" name="locale" value={other} />
                  <input type="hidden" name="next" value={p.returnTo ?? p.currentPath} />
                  <button type="submit" class="secondary outline small" lang={other}>
                    {p.t.language.switchTo}
                  </button>
                </form>
              </li>
              {p.user && (
                <li>
                  <form method="post" action="/logout" class="inline">
                    <button type="submit" class="secondary small">
                      {p.t.nav.logout}
                    </button>
                  </form>
                </li>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {p.flash && (
            <p class="flash" role="status">
              {p.flash}
            </p>
          )}
          {p.children}
        </main>
        <footer class="container">
          <small>
            {p.t.tagline} · <a href="/privacy">{p.t.rights.statement.link}</a>
          </small>
        </footer>
      </body>
    </html>
  );
}
