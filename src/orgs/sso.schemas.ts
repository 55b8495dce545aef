import { z } from 'zod';
import type { Dict } from '../../views/i18n';
import { fields, perDict } from '../lib/forms';

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "icare.nl, @icarejgz.nl" → ['icare.nl', 'icarejgz.nl']; every entry must be a domain name. */
const domainList = (t: Dict) =>
  z.string({ error: t.sso.errors.domains }).transform((v, ctx) => {
    const list = [
      ...new Set(
        v
          .toLowerCase()
          .split(/[\s,;]+/)
          .map((d) => d.replace(/^@/, ''))
          .filter(Boolean),
      ),
    ];
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: t.sso.errors.domains });
    const bad = list.find((d) => !DOMAIN.test(d));
    if (bad) ctx.addIssue({ code: 'custom', message: t.sso.errors.domain(bad.slice(0, 60)) });
    if (list.length > 20) ctx.addIssue({ code: 'custom', message: t.errors.tooLong(20) });
    return list;
  });

/** The SSO settings form; the issuer's scheme and host are checked against the environment by the domain (`issuerAllowed`). */
export const ssoSchema = perDict((t: Dict) =>
  z.object({
    issuer: fields.text(t, 300).pipe(z.url({ error: t.sso.errors.issuer, protocol: /^https?$/ })),
    clientId: fields.text(t, 200),
    clientSecret: fields.optionalText(t, 500),
    domains: domainList(t),
    required: fields.checkbox(),
  }),
);

/** "Test the connection" needs only the issuer. */
export const ssoTestSchema = perDict((t: Dict) => z.object({ issuer: fields.text(t, 300).pipe(z.url({ error: t.sso.errors.issuer, protocol: /^https?$/ })) }));
