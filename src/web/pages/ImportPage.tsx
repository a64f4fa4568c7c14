import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinanceMapping, ImportMapping, ImportPreview, ImportReport } from '../../shared/contracts/finance.ts';
import type { Job } from '../../shared/contracts/jobs.ts';
import { api } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';

const FIELDS = ['projectCode', 'period', 'amount', 'currency', 'sourceRef', 'kind'] as const;
type Mapping = FinanceMapping;
/** A mapping with a column (or kind) chosen for every field. */
const isComplete = (m: Partial<Mapping>): m is Mapping => FIELDS.every((f) => m[f]);
const KIND_CONSTANTS = ['expenditure', 'commitment', 'disbursement'];

/**
 * Importing an ERP export of expenditure and commitments: choose the file, map its columns (or pick a
 * saved mapping, or save this one), try it (dry run: the report by sheet, row and column), then import. A large
 * file is imported (or tried) as a job on the server: its progress is followed here, then the same report shown.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const allowed = can('finance.import');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Partial<Mapping>>({});
  const [saved, setSaved] = useState<ImportMapping[]>([]);
  const [name, setName] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  /** the job importing (or trying) a large file, while it runs */
  const [job, setJob] = useState<{ id: string; dryRun: boolean } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  useEffect(() => {
    if (!allowed) return;
    api.mappings().then(
      (r) => setSaved(r.items),
      () => setSaved([]),
    );
  }, [allowed]);
  const complete = isComplete(mapping);
  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0] ?? null;
    setFile(f);
    setReport(null);
    setMessage(null);
    if (!f) return;
    try {
      const p = await api.previewImport(f);
      setPreview(p);
      setMapping(p.guess);
    } catch (err) {
      setPreview(null);
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  }
  const show = useCallback(
    (r: ImportReport, dryRun: boolean) => {
      setReport(r);
      setMessage(
        r.ok
          ? { kind: 'success', text: t(dryRun ? 'imports.dryOk' : 'imports.done', { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }) }
          : { kind: 'error', text: t('imports.refused', { count: r.issues.length }) },
      );
    },
    [t],
  );
  async function run(dryRun: boolean) {
    if (!file || !isComplete(mapping)) return;
    setBusy(true);
    setReport(null);
    setMessage({ kind: 'info', text: t('imports.working', { name: file.name }) });
    try {
      const r = await api.importFinance(file, { mapping, dryRun });
      if ('jobId' in r) {
        setMessage({ kind: 'info', text: t('imports.asJob', { name: file.name }) });
        setJob({ id: r.jobId, dryRun });
        return; // busy until the job ends (jobDone)
      }
      show(r, dryRun);
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
    setBusy(false);
  }
  const jobDone = useCallback(
    (j: Job) => {
      const dryRun = job?.dryRun ?? true;
      setJob(null);
      setBusy(false);
      if (j.kind === 'finance.import' && j.status === 'done' && j.result) show(j.result, dryRun);
      else setMessage({ kind: 'error', text: j.error ?? t('imports.jobFailed') });
    },
    [job, show, t],
  );
  async function save() {
    if (!isComplete(mapping)) return;
    try {
      const m = await api.saveMapping({ name, mapping });
      setSaved([...saved, m]);
      setMessage({ kind: 'success', text: t('imports.mappingSaved', { name }) });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  }
  const columns = preview?.columns ?? [];
  if (!allowed) return <Notice kind="error">{t('errors.forbidden')}</Notice>;
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('imports.title')}</h1>
      <p className="intro">{t('imports.intro')}</p>
      {message && (
        <div aria-live="polite">
          <Notice kind={message.kind}>{message.text}</Notice>
        </div>
      )}
      <div className="card">
        <h2>{t('imports.step1')}</h2>
        <label>
          {t('imports.file')} <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} />
        </label>
        {preview && <p className="muted small">{t('imports.read', { sheet: preview.sheet, rows: preview.rows, columns: columns.length })}</p>}
      </div>
      {preview && (
        <div className="card">
          <h2>{t('imports.step2')}</h2>
          {saved.length > 0 && (
            <label>
              {t('imports.useSaved')}
              <select
                value=""
                onChange={(e) => {
                  const m = saved.find((s) => s.id === e.target.value);
                  if (m) setMapping(m.mapping);
                }}
              >
                <option value="">—</option>
                {saved.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.officeName ?? t('imports.organisationWide')})
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="mapping">
            {FIELDS.map((f) => (
              <label key={f}>
                {t(`imports.fields.${f}`)}
                <select value={mapping[f] ?? ''} onChange={(e) => setMapping({ ...mapping, [f]: e.target.value })} aria-invalid={!mapping[f]}>
                  <option value="">{t('imports.choose')}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {t('imports.column', { name: c })}
                    </option>
                  ))}
                  {f === 'kind' &&
                    KIND_CONSTANTS.map((k) => (
                      <option key={k} value={k}>
                        {t('imports.everyRow', { kind: t(`imports.kinds.${k}`) })}
                      </option>
                    ))}
                </select>
              </label>
            ))}
          </div>
          <table className="data compact sample">
            <caption>{t('imports.sample')}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the sample rows have no identity of their own
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{row[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar">
            <label>
              {t('imports.saveAs')} <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
            </label>
            <button type="button" className="secondary" disabled={!complete || !name.trim()} onClick={save}>
              {t('imports.saveMapping')}
            </button>
          </div>
        </div>
      )}
      {preview && (
        <div className="card">
          <h2>{t('imports.step3')}</h2>
          <div className="toolbar">
            <button type="button" className="secondary" disabled={!complete || busy} onClick={() => run(true)}>
              {t('imports.dryRun')}
            </button>
            <button type="button" disabled={!complete || busy || !report?.ok || !report?.dryRun} onClick={() => run(false)}>
              {t('imports.import')}
            </button>
          </div>
          {job ? <JobProgress jobId={job.id} onDone={jobDone} /> : busy && <progress aria-label={t('imports.working', { name: file?.name ?? '' })} />}
          {report && report.issues.length > 0 && (
            <table className="data compact">
              <caption>{t('imports.report', { rows: report.rows })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.severity')}</th>
                  <th scope="col">{t('imports.sheet')}</th>
                  <th scope="col">{t('imports.row')}</th>
                  <th scope="col">{t('imports.columnName')}</th>
                  <th scope="col">{t('imports.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.slice(0, 500).map((i, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat a place
                  <tr key={n} className={`severity-${i.severity}`}>
                    <th scope="row">{t(`imports.severities.${i.severity}`)}</th>
                    <td>{i.sheet}</td>
                    <td>{i.row ?? '—'}</td>
                    <td>{i.column ?? '—'}</td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
