import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Notice } from './Layout.tsx';

export interface Finding {
  rule: string;
  severity: 'critical' | 'error' | 'warning';
  message: string;
  line: number | null;
  path: string;
}
interface RecordReport {
  identifier: string;
  line: number;
  findings: Finding[];
  project?: { id: string; code: string; title: string } | null;
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
export const fieldOf = (path: string) => FIELDS[path.split('/')[0] ?? ''];

/** A validation report: totals, then each activity with its findings (line, rule, where, what), a link to the project when it is ours. */
export function IatiReport({ report, jobId }: { report: any; jobId: string }) {
  const { t } = useTranslation();
  const records: RecordReport[] = report.withFindings ?? [];
  const shown = records.slice(0, 200);
  return (
    <section className="card" aria-labelledby={`report-${jobId}`}>
      <h2 id={`report-${jobId}`}>
        {t('iati.reportTitle', { file: report.fileName })}{' '}
        <a className="download" href={`/api/iati/validations/${jobId}/report?format=json`}>
          JSON
        </a>{' '}
        <a className="download" href={`/api/iati/validations/${jobId}/report?format=csv`}>
          CSV
        </a>
      </h2>
      <Notice kind={report.valid ? 'success' : 'error'}>
        {t(report.valid ? 'iati.valid' : 'iati.invalid', {
          records: report.records,
          version: report.version ?? '—',
          critical: report.counts.critical,
          errors: report.counts.error,
          warnings: report.counts.warning,
        })}
      </Notice>
      {report.file.length > 0 && (
        <ul>
          {report.file.map((f: Finding) => (
            <li key={`${f.rule}-${f.line}`}>
              <span className={`badge ${f.severity}`}>{t(`iati.severity.${f.severity}`)}</span> {f.line ? t('iati.atLine', { line: f.line }) : ''} {f.message}
            </li>
          ))}
        </ul>
      )}
      {shown.map((r) => (
        <details key={`${r.identifier}-${r.line}`} open={records.length <= 5}>
          <summary>
            <strong>{r.identifier || t('iati.noIdentifier')}</strong>{' '}
            {r.project && (
              <Link to={`/projects/${r.project.id}`}>
                {r.project.code} {r.project.title}
              </Link>
            )}{' '}
            <span className="muted small">{t('iati.findingCount', { count: r.findings.length, line: r.line })}</span>
          </summary>
          <table className="data compact">
            <caption className="visually-hidden">{r.identifier}</caption>
            <thead>
              <tr>
                <th scope="col">{t('iati.line')}</th>
                <th scope="col">{t('iati.severityLabel')}</th>
                <th scope="col">{t('iati.rule')}</th>
                <th scope="col">{t('iati.where')}</th>
                <th scope="col">{t('iati.message')}</th>
              </tr>
            </thead>
            <tbody>
              {r.findings.map((f, i) => {
                const field = fieldOf(f.path);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity beyond their place in the list
                  <tr key={i}>
                    <td className="num">{f.line ?? '—'}</td>
                    <td>
                      <span className={`badge ${f.severity}`}>{t(`iati.severity.${f.severity}`)}</span>
                    </td>
                    <td>
                      <code>{f.rule}</code>
                    </td>
                    <td>
                      <code>{f.path}</code>
                      {r.project && field && <div className="small">{t('iati.fixIn', { field: t(`iati.fields.${field}`) })}</div>}
                    </td>
                    <td>{f.message}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      ))}
      {records.length > shown.length && <p className="muted">{t('iati.more', { count: records.length - shown.length })}</p>}
    </section>
  );
}
