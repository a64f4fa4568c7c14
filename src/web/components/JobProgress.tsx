import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../shared/contracts/jobs.ts';
import { api } from '../api.ts';

/**
 * Follows a job on the server until it ends: a progress bar (announced to screen readers) while it runs,
 * then hands the finished job to `onDone`.
 */
export function JobProgress({ jobId, onDone }: { jobId: string; onDone: (job: Job) => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const j = await api.job(jobId);
        if (stop) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(tick, 400);
        else onDone(j);
      } catch {
        if (!stop) timer = setTimeout(tick, 1500);
      }
    };
    tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [jobId, onDone]);
  const p = job?.progress;
  const share = p && p.total > 0 ? Math.min(1, p.done / p.total) : null;
  if (job && job.status !== 'queued' && job.status !== 'running') return null;
  return (
    <div className="job-progress">
      <label>
        {job?.status === 'queued' ? t('jobs.starting') : (job?.title ?? t('jobs.starting'))}
        <progress max={1} value={share ?? undefined} aria-valuetext={share === null ? t('jobs.working') : `${Math.round(share * 100)}%`} />
      </label>
      <span className="muted small" aria-live="polite">
        {share === null ? t('jobs.working') : t('jobs.progress', { pct: Math.round(share * 100), done: p?.done, total: p?.total, unit: t(`jobs.units.${p?.unit}`) })}
      </span>
    </div>
  );
}
