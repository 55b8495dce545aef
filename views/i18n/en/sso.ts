import type { sso as nl } from '../nl/sso';

/** Sign-in with the organisation's own account (issue #16, ADR 018). */
export const sso: typeof nl = {
  link: 'Sign in with the organisation’s own account (SSO)',
  title: (org: string) => `Sign in through ${org} (SSO)`,
  intro:
    'Let colleagues sign in with your own organisation’s account (Microsoft Entra ID, Google Workspace, Keycloak or another OpenID Connect service) instead of a separate password.',
  redirectUri: 'Return address (redirect URI) to register with your sign-in service',
  issuer: 'Issuer address',
  issuerHint: 'For Microsoft Entra ID: https://login.microsoftonline.com/<tenant-id>/v2.0',
  clientId: 'Client ID (application ID)',
  clientSecret: 'Client secret',
  clientSecretHint: 'Stored encrypted and never shown again.',
  clientSecretKept: 'A secret is stored. Leave this field empty to keep it.',
  domains: 'E-mail domains you vouch for',
  domainsHint: 'Separated by spaces or commas, for example icare.nl icarejgz.nl. Anyone signing in with such an address goes to your sign-in service.',
  required: 'Sign in through our organisation only (passwords off for our staff)',
  save: 'Save',
  saved: 'The settings have been saved.',
  test: 'Test the connection',
  testOk: (issuer: string) => `The connection works: ${issuer} answers as an OpenID Connect service.`,
  remove: 'Turn SSO off',
  removeConfirm: 'Colleagues then sign in with a password again (anyone without one asks for it through “Forgot password”).',
  removeSubmit: 'Yes, turn SSO off',
  removed: 'SSO is off.',
  notSet: 'Not set up: colleagues sign in with a password.',
  active: (n: number) => `Set up for ${n === 1 ? '1 domain' : `${n} domains`}.`,
  errors: {
    issuer: 'Enter an https address (without ? or #).',
    domain: (d: string) => `“${d}” is not an e-mail domain (such as organisation.nl).`,
    domains: 'Enter at least one e-mail domain.',
    domainTaken: (d: string) => `The domain ${d} already belongs to another organisation.`,
    noKey: 'SSO can only be set up once the Gastplek administrator has set SECRET_KEY.',
    noSecret: 'Enter the client secret.',
  },
  problems: {
    not_allowed: 'This address is not allowed: use https.',
    unreachable: 'The sign-in service cannot be reached (unknown address, no answer or refused). Check the issuer address.',
    not_oidc:
      'There is no OpenID Connect service at this address: /.well-known/openid-configuration did not return valid data. Check the issuer address (for Entra ID it ends in /v2.0).',
    issuer_mismatch: 'The service names itself differently from the issuer address entered. Copy the address exactly.',
    no_secret: 'The stored client secret cannot be read (did SECRET_KEY change?). Enter it again.',
  },
  login: {
    hint: 'Does your organisation sign you in with its own account (for example Microsoft)? Enter only your e-mail address and choose Log in.',
    unreachable: (org: string) =>
      `The sign-in service of ${org} cannot be reached right now. Try again later; colleagues of other organisations can log in as usual.`,
    expired: 'The sign-in has expired or was already used. Start again.',
    rejected: 'Your sign-in service did not return valid proof. Start again; if it keeps failing, contact your administrator.',
    unverified: 'Your sign-in service did not pass on a confirmed e-mail address. Contact your administrator.',
    domain: 'Your e-mail address is not of a domain this organisation vouches for.',
    deactivated: 'Your Gastplek account has been deactivated. Contact your organisation’s administrator.',
    cancelled: 'Signing in with your organisation was cancelled.',
    passwordOff: 'Your organisation lets you sign in with its own account only. Enter your work e-mail address without a password.',
    passwordRequired: 'Enter your password.',
  },
};
