import { useTranslation } from 'react-i18next';

export interface Finding {
  rule: string;
  severity: 'critical' | 'error' | 'warning';
  message: string;
  line: number | null;
  path: string;
}

/** Where in devcoop a finding on our own file is fixed, from the element it is about (its path). */
const FIELDS: Record<string, string> = {
  budget: 'allocations',
  transaction: 'expenditure',
  'planned-disbursement': 'agreements',
  'participating-org': 'partners',
  'activity-date': 'dates',
  title: 'title',
  description: 'title',
  result: 'indicators',
  tag: 'sdg',
  'policy-marker': 'markers',
  'recipient-country': 'place',
  'recipient-region': 'place',
  'document-link': 'documents',
  'related-activity': 'related',
};

/** In the outcome-and-biennium mode, what an outcome's activity takes from the outcome itself; the rest comes from its linked projects. */
const OUTCOME_OWN = new Set(['title', 'indicators', 'sdg', 'place']);

/** Where a finding on one of our own activities is fixed, in words. */
function fixHint(t: (key: string, o?: Record<string, string>) => string, fixIn: 'project' | 'outcome', path: string): string | null {
  const field = FIELDS[path.split('/')[0] ?? ''];
  if (!field) return null;
  const words = t(`iati.fields.${field}`);
  if (fixIn === 'project') return t('iati.fixIn', { field: words });
  return t(OUTCOME_OWN.has(field) ? 'iati.fixInOutcome' : 'iati.fixInLinkedProjects', { field: words });
}

/**
 * Validation findings as a table: severity, rule, the element it is about and what is wrong; the line in the
 * file when `withLine`; for one of our own activities (`fixIn`), where in devcoop the finding is fixed.
 */
export function FindingsTable({ findings, caption, withLine = false, fixIn }: { findings: Finding[]; caption: string; withLine?: boolean; fixIn?: 'project' | 'outcome' }) {
  const { t } = useTranslation();
  return (
    <table className="data compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {withLine && <th scope="col">{t('iati.line')}</th>}
          <th scope="col">{t('iati.severityLabel')}</th>
          <th scope="col">{t('iati.rule')}</th>
          <th scope="col">{t('iati.where')}</th>
          <th scope="col">{t('iati.message')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => {
          const hint = fixIn ? fixHint(t, fixIn, f.path) : null;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity beyond their place in the list
            <tr key={i}>
              {withLine && <td className="num">{f.line ?? '—'}</td>}
              <td>
                <span className={`badge ${f.severity}`}>{t(`iati.severity.${f.severity}`)}</span>
              </td>
              <td>
                <code>{f.rule}</code>
              </td>
              <td>
                <code>{f.path}</code>
                {hint && <div className="small">{hint}</div>}
              </td>
              <td>{f.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
