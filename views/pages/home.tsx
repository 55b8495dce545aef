import type { Dict } from '../i18n';
import type { Membership, SessionUser } from '../../src/types';
import type { HomeCard } from '../layouts/nav';

export function HomePage(p: {
  t: Dict;
  user: SessionUser;
  memberships: Membership[];
  cards: HomeCard[];
  /** For a network admin: the network at a glance. */
  network?: { orgs: number; locations: number; meetings: number; requests: number } | null;
}) {
  const t = p.t.home;
  return (
    <section>
      <h1>{t.welcome(p.user.name)}</h1>
      <h2>{t.yourOrgs}</h2>
      {p.memberships.length === 0 ? (
        <p>{t.noOrgs}</p>
      ) : (
        <ul class="orgs">
          {p.memberships.map((m) => (
            <li>
              <strong>{m.orgName}</strong> — {m.roles.map((r) => p.t.roles[r]).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {p.user.isNetworkAdmin && <p>{p.t.roles.network_admin}</p>}
      {p.network && (
        <section aria-labelledby="network-overview">
          <h2 id="network-overview">{t.network.title}</h2>
          <ul class="network-overview">
            <li>
              <a href="/admin/organisations">{t.network.orgs(p.network.orgs)}</a>
            </li>
            <li>
              <a href="/insight">{t.network.locations(p.network.locations)}</a>
            </li>
            <li>
              <a href="/meetings">{t.network.meetings(p.network.meetings)}</a>
            </li>
            <li>{t.network.requests(p.network.requests)}</li>
          </ul>
        </section>
      )}
      <h2>{t.whatNext}</h2>
      <div class="cards">
        {p.cards.map((card) => (
          <article>
            <h3>
              <a href={card.href}>{card.title}</a>
            </h3>
            <p>{card.text}</p>
          </article>
        ))}
      </div>
    </section>
  );
}

export function OutboxPage(p: { t: Dict; mails: { id: number; toAddress: string; subject: string; body: string; status: string; createdAt: Date }[] }) {
  const t = p.t.outbox;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {p.mails.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        p.mails.map((m) => (
          <article class="mail">
            <header>
              <strong>{m.subject}</strong>
              <br />
              <small>
                {t.to}: {m.toAddress} · {t.status}: {m.status} · {m.createdAt.toISOString()}
              </small>
            </header>
            <pre>{m.body}</pre>
          </article>
        ))
      )}
    </section>
  );
}
