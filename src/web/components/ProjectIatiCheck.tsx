import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectIatiCheck as ProjectIatiCheckAnswer } from '../../shared/contracts/iati.ts';
import { api } from '../api.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { Notice } from './Layout.tsx';

/**
 * The project's activity as devcoop publishes it, checked alone (schema, codelists, rules) when the page opens:
 * each finding with the element it is about and the part of the project where it is fixed.
 */
export function ProjectIatiCheck({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<ProjectIatiCheckAnswer | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(() => {
    setBusy(true);
    setError(null);
    api
      .projectIatiCheck(projectId)
      .then(setCheck, (e) => setError(e.message))
      .finally(() => setBusy(false));
  }, [projectId]);
  useEffect(run, [run]);
  const findings = check?.findings ?? [];
  return (
    <section className="card" aria-labelledby="p-iati-check" aria-busy={busy}>
      <h2 id="p-iati-check">{t('projectIati.check')}</h2>
      <p className="muted small">{t('projectIati.checkIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {busy && !check && <p>{t('projectIati.checking')}</p>}
      {check?.notPublished && <Notice kind="info">{t(`projectIati.notPublished.${check.notPublished}`)}</Notice>}
      {check && !check.notPublished && (
        <>
          <Notice kind={check.valid ? 'success' : 'error'}>
            {t(check.valid ? 'projectIati.checkValid' : 'projectIati.checkInvalid', {
              critical: check.counts.critical,
              errors: check.counts.error,
              warnings: check.counts.warning,
            })}
          </Notice>
          {findings.length > 0 && <FindingsTable findings={findings} caption={t('projectIati.check')} fixIn="project" />}
        </>
      )}
      <p>
        <button type="button" className="secondary" onClick={run} disabled={busy}>
          {busy ? t('projectIati.checking') : t('projectIati.checkAgain')}
        </button>
      </p>
    </section>
  );
}
