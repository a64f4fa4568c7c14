import * as Plot from '@observablehq/plot';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentRow, ResourceGaps } from '../../../shared/contracts/finance.ts';
import { api } from '../../api.ts';
import { Chart } from '../charts/Chart.tsx';
import { Notice } from '../Layout.tsx';
import { DataTable } from './DataTable.tsx';
import { Downloads } from './Downloads.tsx';
import { Kpis } from './Kpis.tsx';
import { useFilters, useFormats } from './useFilters.ts';

const BYS = ['region', 'partner', 'earmarking'] as const;
const SOURCES = ['regularBudget', 'rbsa', 'extraBudgetary', 'pipeline'] as const;

/** Alignment of voluntary funding with country programme outcomes (002's 58%) and the resource gaps per outcome. */
export function AlignmentView() {
  const { t } = useTranslation();
  const { year, filter } = useFilters();
  const [data, setData] = useState<{ currency: string; total: AlignmentRow | undefined; by: Record<string, AlignmentRow[]>; gaps: ResourceGaps } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([year, filter]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for year and filter
  useEffect(() => {
    setData(null);
    Promise.all([
      api.fundingAlignment({ year, ...filter, by: 'total' }),
      Promise.all(BYS.map((by) => api.fundingAlignment({ year, ...filter, by }))),
      api.resourceGaps({ year, country: filter.country }),
    ]).then(
      ([total, bys, gaps]) => setData({ currency: total.currency, total: total.items[0], by: Object.fromEntries(BYS.map((by, i) => [by, bys[i]?.items ?? []])), gaps }),
      (e) => setError(e.message),
    );
  }, [key]);
  const f = useFormats(data?.currency);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('errors.loading')}</p>;
  const label = (by: string, r: AlignmentRow) => (by === 'earmarking' ? t(`dash.earmarking.${r.label}`) : r.label);
  const gaps = data.gaps.items;
  const stacked = gaps.flatMap((g) => SOURCES.map((s) => ({ outcome: g.outcome, source: t(`dash.sources.${s}`), amount: Number(g[s]) })));
  return (
    <div className="dashboard" data-ready="alignment">
      <Kpis
        items={[
          { label: t('dash.alignedShare'), value: f.pct(data.total?.alignedShare ?? null), note: t('dash.alignedNote') },
          { label: t('dash.voluntary'), value: f.money(data.total?.voluntary) },
          { label: t('dash.gapsFilled'), value: f.pct(data.gaps.totals.shareOfGapsFilled), note: t('dash.gapsFilledNote') },
          { label: t('dash.gap'), value: f.money(data.gaps.totals.gap), note: t('dash.outcomesWithGap', { count: data.gaps.totals.outcomesWithGap }) },
        ]}
      />
      <div className="grid three">
        {BYS.map((by) => (
          <section key={by} className="card" aria-labelledby={`aligned-${by}`}>
            <h2 id={`aligned-${by}`}>
              {t('dash.alignedBy', { by: t(`dash.groups.${by}`) })}{' '}
              <Downloads table="aligned-share" query={{ year, ...filter, by }} label={t('dash.alignedBy', { by: t(`dash.groups.${by}`) })} />
            </h2>
            <DataTable
              caption={t('dash.alignedBy', { by: t(`dash.groups.${by}`) })}
              currency={data.currency}
              rows={data.by[by]?.map((r) => ({ ...r, label: label(by, r) })) ?? []}
              columns={[
                { key: 'label', label: t(`dash.groups.${by}`) },
                { key: 'voluntary', label: t('dash.voluntary'), kind: 'money' },
                { key: 'alignedShare', label: t('dash.alignedShare'), kind: 'pct', bar: true },
              ]}
            />
          </section>
        ))}
      </div>
      <section className="card" aria-labelledby="gaps-title">
        <h2 id="gaps-title">
          {t('dash.gapsTitle')} <Downloads table="resource-gaps" query={{ year, country: filter.country }} label={t('dash.gapsTitle')} />
        </h2>
        <p className="muted small">{t('dash.gapsIntro')}</p>
        {gaps.length === 0 ? (
          <p>{t('dash.noNeeds')}</p>
        ) : (
          <>
            <Chart
              label={t('dash.gapsTitle')}
              redrawKey={data}
              draw={(width) =>
                Plot.plot({
                  width,
                  height: Math.min(900, 40 + 22 * gaps.length),
                  marginLeft: Math.min(320, width / 3),
                  color: { legend: true, domain: SOURCES.map((s) => t(`dash.sources.${s}`)), range: ['#6c7a89', '#3a8d6e', '#1f5f99', '#d9a441'] },
                  x: { label: data.currency, tickFormat: '~s', grid: true },
                  y: { label: null, tickFormat: (d: string) => (d.length > 45 ? `${d.slice(0, 43)}…` : d) },
                  marks: [
                    Plot.barX(stacked, { x: 'amount', y: 'outcome', fill: 'source', tip: true }),
                    Plot.tickX(gaps, { x: (g) => Number(g.needed), y: 'outcome', stroke: '#c0392b', strokeWidth: 2 }),
                  ],
                })
              }
            />
            <p className="muted small">{t('dash.neededTick')}</p>
            <DataTable
              caption={t('dash.gapsTitle')}
              currency={data.currency}
              rows={gaps}
              columns={[
                { key: 'outcome', label: t('dash.outcome') },
                { key: 'country', label: t('dash.country'), kind: 'text' },
                { key: 'period', label: t('dash.period'), kind: 'text' },
                { key: 'needed', label: t('dash.needed'), kind: 'money' },
                { key: 'available', label: t('dash.available'), kind: 'money' },
                { key: 'pipeline', label: t('dash.sources.pipeline'), kind: 'money' },
                { key: 'gap', label: t('dash.gap'), kind: 'money' },
                { key: 'filled', label: t('dash.filled'), kind: 'money' },
              ]}
            />
          </>
        )}
      </section>
    </div>
  );
}
