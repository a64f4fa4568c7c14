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

/**
 * Validation findings as a table: severity, rule, the element it is about and what is wrong; the line in the
 * file when `withLine`; for a project of ours (`ours`), the part of the project where the finding is fixed.
 */
export function FindingsTable({ findings, caption, withLine = false, ours = false }: { findings: Finding[]; caption: string; withLine?: boolean; ours?: boolean }) {
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
          const field = ours ? FIELDS[f.path.split('/')[0] ?? ''] : undefined;
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
                {field && <div className="small">{t('iati.fixIn', { field: t(`iati.fields.${field}`) })}</div>}
              </td>
              <td>{f.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
