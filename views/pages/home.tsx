import type { Dict } from '../i18n';
import type { Membership, SessionUser } from '../../src/types';
import type { HomeCard } from '../layouts/nav';

export function HomePage(p: { t: Dict; user: SessionUser; memberships: Membership[]; cards: HomeCard[] }) {
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
