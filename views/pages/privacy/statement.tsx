import type { Dict, Locale } from '../../i18n';
import { PROCESSINGS, ROLES } from '../../../src/privacy/register';
import type { Retention } from '../../../src/privacy/retention';

/**
 * The privacy statement (issue #13, part 1): generated from the processing register
 * (src/privacy/register.ts), the same entries as docs/privacy/register.md, with the retention
 * periods this network has configured.
 */
export function PrivacyStatementPage(p: { t: Dict; locale: Locale; retention: Retention }) {
  const t = p.t.rights.statement;
  const l = p.locale;
  return (
    <section class="privacy-statement">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <strong>{t.controller}:</strong> {ROLES.controller[l]}
      </p>
      <p>{ROLES.noCaseContent[l]}</p>
      {PROCESSINGS.map((proc) => (
        <article id={`processing-${proc.key}`}>
          <h2>{proc.name[l]}</h2>
          <dl>
            <dt>{t.purpose}</dt>
            <dd>{proc.purpose[l]}</dd>
            <dt>{t.people}</dt>
            <dd>{proc.people[l]}</dd>
            <dt>{t.data}</dt>
            <dd>
              <ul>
                {Object.values(proc.tables).map((table) => (
                  <li>{table.holds[l]}</li>
                ))}
              </ul>
            </dd>
            <dt>{t.recipients}</dt>
            <dd>{proc.recipients[l]}</dd>
            <dt>{t.retention}</dt>
            <dd>{proc.retention(p.retention)[l]}</dd>
            <dt>{t.legalBasis}</dt>
            <dd>{proc.legalBasis[l]}</dd>
          </dl>
        </article>
      ))}
      <h2>{t.yourRights}</h2>
      <p>{ROLES.rights[l]}</p>
    </section>
  );
}
