import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IatiImportReport, IatiPublisher } from '../../shared/contracts/iati.ts';
import type { Job, JobStarted } from '../../shared/contracts/jobs.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { IatiReport } from '../components/IatiReport.tsx';
import { JobProgress } from '../components/JobProgress.tsx';
import { Notice } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';

type Kind = 'validate' | 'import' | 'check';

/**
 * IATI: the files devcoop publishes (and a check of them, finding by project), a validator for any IATI
 * file, and the import of partners' and donors' files — each long step a job with its progress.
 */
export function IatiPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canImport = can('iati.import');
  const [running, setRunning] = useState<{ id: string; kind: Kind } | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (kind: Kind, go: () => Promise<JobStarted>) => {
    setError(null);
    setFinished(null);
    try {
      const { jobId } = await go();
      setRunning({ id: jobId, kind });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const submit = (kind: 'validate' | 'import') => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = (new FormData(e.currentTarget).get('file') as File | null) ?? null;
    if (!file?.size) {
      setError(t('iati.chooseFile'));
      return;
    }
    start(kind, () => (kind === 'validate' ? api.iatiValidate(file) : api.iatiImport(file)));
  };
  const done = useCallback((job: Job) => {
    setRunning(null);
    setFinished(job);
  }, []);

  return (
    <article className="page">
      <h1>{t('iati.title')}</h1>
      <p className="lead">{t('iati.intro')}</p>

      <section className="card" aria-labelledby="published-title">
        <h2 id="published-title">{t('iati.published')}</h2>
        <p>{t('iati.publishedIntro')}</p>
        <ul>
          <li>
            <a href="/iati/activities.xml">{t('iati.activityFile')}</a> <code>/iati/activities.xml</code>
          </li>
          <li>
            <a href="/iati/organisation.xml">{t('iati.organisationFile')}</a> <code>/iati/organisation.xml</code>
          </li>
        </ul>
        <ActivityUnit canChange={canImport} />
        <button type="button" disabled={Boolean(running)} onClick={() => start('check', api.iatiCheck)}>
          {t('iati.check')}
        </button>
      </section>

      <div className="grid two">
        <UploadCard kind="validate" disabled={Boolean(running)} onSubmit={submit('validate')} />
        {canImport && <UploadCard kind="import" disabled={Boolean(running)} onSubmit={submit('import')} />}
      </div>

      {error && <Notice kind="error">{error}</Notice>}
      {running && <JobProgress jobId={running.id} onDone={done} />}
      {finished?.status === 'failed' && <Notice kind="error">{finished.error}</Notice>}
      {finished?.status === 'done' && (finished.kind === 'iati.validate' || finished.kind === 'iati.check') && finished.result && (
        <IatiReport report={finished.result} jobId={finished.id} />
      )}
      {finished?.status === 'done' && finished.kind === 'iati.import' && finished.result && <ImportResult report={finished.result} />}
    </article>
  );
}

/** A card with a file form: validate any IATI file, or import one. */
function UploadCard({ kind, disabled, onSubmit }: { kind: 'validate' | 'import'; disabled: boolean; onSubmit: (e: FormEvent<HTMLFormElement>) => void }) {
  const { t } = useTranslation();
  const title = t(kind === 'validate' ? 'iati.validateTitle' : 'iati.importTitle');
  return (
    <section className="card" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{title}</h2>
      <p className="muted small">{t(kind === 'validate' ? 'iati.validateIntro' : 'iati.importIntro')}</p>
      <form onSubmit={onSubmit} aria-label={title}>
        <label htmlFor={`${kind}-file`}>{t('iati.file')}</label>
        <input id={`${kind}-file`} name="file" type="file" accept=".xml,application/xml,text/xml" />
        <button type="submit" disabled={disabled}>
          {t(kind === 'validate' ? 'iati.validate' : 'iati.import')}
        </button>
      </form>
    </section>
  );
}

function ImportResult({ report }: { report: IatiImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="import-result">
      <h2 id="import-result">{t('iati.importedTitle', { file: report.fileName })}</h2>
      <Notice kind="success">
        {t('iati.imported', {
          imported: report.activities.imported,
          new: report.activities.new,
          updated: report.activities.updated,
          skipped: report.activities.skipped,
          transactions: report.transactions.imported,
          transactionsSkipped: report.transactions.skipped,
        })}
      </Notice>
      {report.outcomes.length > 0 && (
        <table className="data compact">
          <caption>{t('iati.skippedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('iati.activity')}</th>
              <th scope="col">{t('iati.line')}</th>
              <th scope="col">{t('iati.what')}</th>
              <th scope="col">{t('iati.why')}</th>
            </tr>
          </thead>
          <tbody>
            {report.outcomes.flatMap((o) =>
              o.skipped.map((s) => (
                <tr key={`${o.line}-${s.line}-${s.what}`}>
                  <td>{o.identifier || t('iati.noIdentifier')}</td>
                  <td className="num">{s.line}</td>
                  <td>{t(`iati.skippedWhat.${s.what}`)}</td>
                  <td>{s.reason}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What an activity of the published file is: each project, or each country programme outcome and biennium. */
function ActivityUnit({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<IatiPublisher['activityUnit'] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    api.iatiPublisher().then(
      (p) => setUnit(p.activityUnit),
      () => setUnit(null),
    );
  }, []);
  if (!unit) return null;
  // Shown chosen at once; put back if the server refuses.
  const change = async (next: IatiPublisher['activityUnit']) => {
    const before = unit;
    setUnit(next);
    setMessage(null);
    try {
      setUnit((await api.setIatiActivityUnit(next)).activityUnit);
      setMessage({ kind: 'ok', text: t('iati.unitSaved') });
    } catch (e) {
      setUnit(before);
      setMessage({ kind: 'error', text: (e as Error).message });
    }
  };
  return (
    <fieldset className="activity-unit" disabled={!canChange}>
      <legend>{t('iati.unit')}</legend>
      {(['project', 'cpo_biennium'] as const).map((u) => (
        <label key={u}>
          <input type="radio" name="activity-unit" value={u} checked={unit === u} onChange={() => change(u)} /> {t(`iati.units.${u}`)}
        </label>
      ))}
      {message && <Notice kind={message.kind === 'ok' ? 'success' : 'error'}>{message.text}</Notice>}
    </fieldset>
  );
}
