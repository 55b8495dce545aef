import type { Dict } from '../i18n';

/** A refusal or failure (403, 404, 409, 500 …) as a page, with the way back home. */
export function ErrorPage(p: { t: Dict; title: string; message: string }) {
  return (
    <section>
      <h1>{p.title}</h1>
      <p>{p.message}</p>
      <p>
        <a href="/">{p.t.nav.home}</a>
      </p>
    </section>
  );
}
