import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectMoney as Money } from '../../../shared/contracts/finance.ts';
import type { Locale } from '../../../shared/locales.ts';
import { reasonText } from '../../../shared/warning-reasons.ts';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { useDates } from '../../useDates.tsx';
import { Chart } from '../charts/Chart.tsx';
import { DataTable } from '../dashboard/DataTable.tsx';
import { Notice } from '../Layout.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { AllocationEditor } from './AllocationEditor.tsx';

/**
 * A project's money on its page: allocation against expenditure and commitments by year (a chart of the table
 * beside it), the delivery rate and the run-rate forecast, its early-warning flags, and the allocations editor
 * on demand. Shown to readers of money (`finance.read`); the server decides what they reach.
 */
export function ProjectMoney({ projectId, plannedStart, plannedEnd }: { projectId: string; plannedStart: string; plannedEnd: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { date } = useDates();
  const [data, setData] = useState<Money | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const load = useCallback(() => {
    api
      .projectMoney(projectId)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [projectId]);
  useEffect(load, [load]);
  if (!can('finance.read')) return null;
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('errors.loading')}</p>;
  const year = Number(data.asOf.slice(0, 4));
  const parts = data.items.flatMap((r) => [
    { year: String(r.year), bar: t('money.allocation'), part: t('money.allocation'), amount: Number(r.allocation || 0) },
    { year: String(r.year), bar: t('money.spent'), part: t('money.expenditure'), amount: Number(r.expenditure || 0) },
    { year: String(r.year), bar: t('money.spent'), part: t('money.commitment'), amount: Number(r.commitment || 0) },
  ]);
  const unconverted = data.items.filter((r) => r.problems.length);
  return (
    <section className="card" aria-labelledby="p-money">
      <h2 id="p-money">{t('money.title')}</h2>
      <p className="muted small">
        {t('money.intro', { currency: data.currency, date: date(data.asOf) })} <Link to="/exchange-rates">{t('money.rates.link')}</Link>
      </p>
      {saved !== null && <Notice kind="success">{saved ? t('money.saved', { count: saved }) : t('money.nothingChanged')}</Notice>}
      {data.items.length === 0 ? (
        <p>{t('money.none')}</p>
      ) : (
        <>
          <Chart
            label={t('money.chart', { currency: data.currency })}
            description={t('money.chartHint')}
            redrawKey={data}
            draw={(width) =>
              Plot.plot({
                width,
                height: 240,
                marginLeft: 56,
                fx: { label: null, padding: 0.2 },
                x: { axis: null, paddingInner: 0.1 },
                y: { label: data.currency, tickFormat: '~s', grid: true },
                color: { legend: true, domain: [t('money.allocation'), t('money.expenditure'), t('money.commitment')], range: ['#9aa7b4', '#1f5f99', '#e1a33b'] },
                marks: [Plot.barY(parts, { fx: 'year', x: 'bar', y: 'amount', fill: 'part', tip: true }), Plot.ruleY([0])],
              })
            }
          />
          <ScrollRegion label={t('money.caption', { currency: data.currency })}>
            <DataTable
              caption={t('money.caption', { currency: data.currency })}
              currency={data.currency}
              rows={data.items.map((r) => ({ ...r, year: String(r.year) }))}
              columns={[
                { key: 'year', label: t('money.year'), kind: 'text' },
                { key: 'allocation', label: t('money.allocation'), kind: 'money' },
                { key: 'expenditure', label: t('money.expenditure'), kind: 'money' },
                { key: 'commitment', label: t('money.commitment'), kind: 'money' },
                { key: 'deliveryRate', label: t('money.deliveryRate'), kind: 'pct', bar: true },
                { key: 'forecast', label: t('money.forecast'), kind: 'money' },
                { key: 'forecastRate', label: t('money.forecastRate'), kind: 'pct' },
              ]}
              footer={{ year: t('money.allYears'), ...data.totals }}
            />
          </ScrollRegion>
          <p className="muted small">{t('money.forecastNote', { year, months: data.through })}</p>
          {unconverted.map((r) => (
            <Notice key={r.year} kind="info">
              {t('money.notConverted', { year: r.year, problems: r.problems.join('; ') })}
            </Notice>
          ))}
        </>
      )}
      {can('projects.write') &&
        (editing ? (
          <AllocationEditor
            projectId={projectId}
            allocations={data.allocations}
            currency={data.currency}
            plannedStart={plannedStart}
            plannedEnd={plannedEnd}
            onClose={(count) => {
              setEditing(false);
              setSaved(count);
              load();
            }}
            onReload={load}
          />
        ) : (
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              {t('money.edit')}
            </button>
          </p>
        ))}
      {data.warnings && (
        <>
          <h3>{t('money.warnings')}</h3>
          {data.warnings.length === 0 ? (
            <p>{t('money.noWarnings', { date: date(data.asOf) })}</p>
          ) : (
            <ScrollRegion label={t('money.warnings')}>
              <table className="data">
                <caption className="visually-hidden">{t('money.warnings')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('money.rule')}</th>
                    <th scope="col">{t('money.reason')}</th>
                    <th scope="col">{t('money.lastAction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.warnings.map((w) => (
                    <tr key={w.rule}>
                      <th scope="row">{w.ruleName}</th>
                      <td>{reasonText(w.why, i18n.language as Locale)}</td>
                      <td>{w.action ? `${t(`deliveryView.statuses.${w.action.status}`)}: ${w.action.comment}` : t('money.noAction')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </section>
  );
}
