import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorWithValues } from '../../../shared/contracts/programming-answers.ts';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { IndicatorPanel } from '../IndicatorPanel.tsx';
import { Notice } from '../Layout.tsx';

/** A project's own results framework: its indicators with baseline, targets and actuals; editors on demand. */
export function ProjectResults({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [indicators, setIndicators] = useState<IndicatorWithValues[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .nodeIndicators('project', projectId)
      .then((list) => Promise.all(list.items.map((i) => api.indicator(i.id))))
      .then(setIndicators)
      .catch((e: Error) => setError(e.message));
  }, [projectId]);
  useEffect(load, [load]);
  const canWrite = can('projects.write');
  return (
    <section className="card" aria-labelledby="p-results">
      <h2 id="p-results">{t('money.results.title')}</h2>
      <p className="muted small">{t('money.results.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {indicators && indicators.length === 0 && <p>{t('money.results.none')}</p>}
      {indicators && <IndicatorPanel nodeType="project" nodeId={projectId} all={indicators} canWrite={canWrite} reload={load} />}
    </section>
  );
}
