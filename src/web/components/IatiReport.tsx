import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IatiPublicationCheck, IatiValidation } from '../../shared/contracts/iati.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { Notice } from './Layout.tsx';

/** A record with findings; in a check of our own file, with the project (or the outcome and biennium) it comes from. */
type RecordReport = IatiValidation['withFindings'][number] & Partial<Pick<IatiPublicationCheck['withFindings'][number], 'project' | 'outcome'>>;

/**
 * A validation report: totals, then each activity with its findings (line, rule, where, what), and for our own
 * activities a link to the project (or the country programme outcome) where they are fixed.
 */
export function IatiReport({ report, jobId }: { report: IatiValidation | IatiPublicationCheck; jobId: string }) {
  const { t } = useTranslation();
  const records: RecordReport[] = report.withFindings;
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
      {report.unlisted.length > 0 && (
        <Notice kind="info">
          {t('iati.unlisted', { per: report.listedPerRule })}
          <ul>
            {report.unlisted.map((u) => (
              <li key={`${u.rule}-${u.codelist}-${u.severity}`}>
                {t('iati.unlistedRule', { rule: u.codelist ? `${u.rule} ${u.codelist}` : u.rule, severity: t(`iati.severity.${u.severity}`), count: u.count })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {report.file.length > 0 && (
        <ul>
          {report.file.map((f) => (
            <li key={`${f.rule}-${f.line}`}>
              <span className={`badge ${f.severity}`}>{t(`iati.severity.${f.severity}`)}</span> {f.line ? t('iati.atLine', { line: f.line }) : ''} {f.message}
            </li>
          ))}
        </ul>
      )}
      {shown.map((r) => (
        <details key={`${r.identifier}-${r.line}`} open={records.length <= 5}>
          <summary>
            <strong>{r.identifier || t('iati.noIdentifier')}</strong> {r.project && `${r.project.code} ${r.project.title}`}
            {r.outcome && t('iati.outcomeLink', { code: r.outcome.code, biennium: r.outcome.biennium, text: r.outcome.text })}{' '}
            <span className="muted small">{t('iati.findingCount', { count: r.findings.length, line: r.line })}</span>
          </summary>
          {/* The link is below the summary, not in it: a summary is a control, and a link inside a control is reached by neither keyboard nor screen reader reliably. */}
          {r.project && (
            <p className="record-of">
              <Link to={`/projects/${r.project.id}`}>
                {r.project.code} {r.project.title}
              </Link>
            </p>
          )}
          {r.outcome && (
            <p className="record-of">
              <Link to={`/countries/${r.outcome.countryCode}`}>{t('iati.outcomeLink', { code: r.outcome.code, biennium: r.outcome.biennium, text: r.outcome.text })}</Link>
            </p>
          )}
          <FindingsTable findings={r.findings} caption={r.identifier} withLine fixIn={r.project ? 'project' : r.outcome ? 'outcome' : undefined} />
        </details>
      ))}
      {records.length > shown.length && <p className="muted">{t('iati.more', { count: records.length - shown.length })}</p>}
    </section>
  );
}
