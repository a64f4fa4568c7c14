import * as Plot from '@observablehq/plot';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DeliveryCurve, DeliveryGroupRow, DeliveryTotals, DeliveryTrendRow } from '../../../shared/contracts/finance.ts';
import { DELIVERY_GROUPS, type DeliveryGroup } from '../../../shared/finance-labels.ts';
import { qs } from '../../api/client.ts';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { Chart } from '../charts/Chart.tsx';
import { Notice } from '../Layout.tsx';
import { DataTable } from './DataTable.tsx';
import { Downloads } from './Downloads.tsx';
import { Kpis } from './Kpis.tsx';
import { useFilters, useFormats } from './useFilters.ts';

/** Delivery against the time elapsed: the year's curve, the trend over five years, and delivery by any dimension. */
export function DeliveryView() {
  const { t } = useTranslation();
  const { can } = useSession();
  const flags = can('warnings.read');
  const { year, through, filter, params, set, asOf } = useFilters();
  const by = (params.get('by') ?? 'region') as DeliveryGroup;
  const [data, setData] = useState<{
    totals: DeliveryTotals;
    currency: string;
    curve: DeliveryCurve;
    trend: DeliveryTrendRow[];
    groups: DeliveryGroupRow[];
    warnings: number | null;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([year, through, filter, by]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the question
  useEffect(() => {
    setData(null);
    const q = { year, through, ...filter };
    Promise.all([
      api.delivery({ ...q, limit: 1 }),
      api.deliveryCurve({ year, ...filter }),
      api.deliveryTrend({ from: year - 4, to: year, ...filter }),
      api.deliveryGroups({ ...q, by }),
      flags ? api.warnings({ asOf, ...filter, limit: 1 }) : null,
    ]).then(
      ([d, curve, trend, groups, w]) => setData({ totals: d.totals, currency: d.currency, curve, trend: trend.items, groups: groups.items, warnings: w ? w.total : null }),
      (e) => setError(e.message),
    );
  }, [key]);
  const f = useFormats(data?.currency);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('errors.loading')}</p>;
  const query = { year, through, ...filter };
  const allocation = Number(data.curve.allocation);
  const label = (r: DeliveryGroupRow) => (by === 'earmarking' ? t(`dash.earmarking.${r.label}`) : r.label);
  const groups: DeliveryGroupRow[] = data.groups.map((r) => ({ ...r, label: label(r) }));
  return (
    <div className="dashboard" data-ready="delivery">
      <Kpis
        items={[
          { label: t('dash.deliveryRate'), value: f.pct(data.totals.deliveryRate), note: t('dash.throughNote', { month: through, year }) },
          { label: t('dash.forecastRate'), value: f.pct(data.totals.forecastRate), note: t('dash.forecastNote') },
          { label: t('dash.expenditure'), value: f.money(data.totals.expenditure), note: t('dash.ofAllocation', { allocation: f.money(data.totals.allocation) }) },
          { label: t('dash.commitments'), value: f.money(data.totals.commitment) },
          ...(data.warnings === null ? [] : [{ label: t('dash.flags'), value: String(data.warnings), note: t('dash.flagsNote', { date: asOf }) }]),
        ]}
      />
      {data.totals.unconverted > 0 && <Notice kind="info">{t('dash.unconverted', { count: data.totals.unconverted })}</Notice>}
      <p>
        <Link to={`/delivery?${qs({ year, through, ...filter })}`}>{t('dash.toProjects')}</Link>
      </p>
      <div className="grid two">
        <section className="card" aria-labelledby="curve-title">
          <h2 id="curve-title">
            {t('dash.curveTitle', { year })} <Downloads table="delivery-curve" query={{ year, ...filter }} label={t('dash.curveTitle', { year })} />
          </h2>
          <p className="muted small">{t('dash.curveIntro')}</p>
          <Chart
            label={t('dash.curveTitle', { year })}
            description={t('dash.curveIntro')}
            redrawKey={data}
            draw={(width) =>
              Plot.plot({
                width,
                height: 260,
                x: { label: t('dash.month'), domain: [0, 12], ticks: 12 },
                y: {
                  label: t('dash.cumulativeIn', { currency: data.currency }),
                  tickFormat: '~s',
                  grid: true,
                  domain: [0, Math.max(allocation, ...data.curve.points.map((p) => Number(p.cumulative)))],
                },
                marks: [
                  Plot.line(
                    [
                      [0, 0],
                      [12, allocation],
                    ],
                    { stroke: '#9aa7b4', strokeDasharray: '4 3' },
                  ),
                  Plot.line([{ month: 0, cumulative: 0 }, ...data.curve.points], {
                    x: 'month',
                    y: (p) => Number(p.cumulative),
                    stroke: '#1f5f99',
                    strokeWidth: 2.5,
                    marker: 'circle',
                    tip: true,
                  }),
                ],
              })
            }
          />
        </section>
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title">
            {t('dash.trendTitle')} <Downloads table="delivery-trend" query={{ year, ...filter }} label={t('dash.trendTitle')} />
          </h2>
          <Chart
            label={t('dash.trendTitle')}
            redrawKey={data}
            draw={(width) =>
              Plot.plot({
                width,
                height: 260,
                x: { label: null, tickFormat: 'd', type: 'band' },
                y: { label: t('dash.deliveryRate'), tickFormat: '%', grid: true, domain: [0, 1] },
                marks: [
                  Plot.barY(data.trend, { x: 'year', y: (d) => Number(d.deliveryRate ?? 0), fill: '#1f5f99', tip: true }),
                  Plot.ruleY([0.75, 0.9], { stroke: '#c0392b', strokeDasharray: '3 3' }),
                ],
              })
            }
          />
          <p className="muted small">{t('dash.milestones')}</p>
          <DataTable
            caption={t('dash.trendTitle')}
            currency={data.currency}
            rows={data.trend}
            columns={[
              { key: 'year', label: t('dash.year'), kind: 'text' },
              { key: 'projects', label: t('dash.projects'), kind: 'int' },
              { key: 'allocation', label: t('dash.allocation'), kind: 'money' },
              { key: 'expenditure', label: t('dash.expenditure'), kind: 'money' },
              { key: 'deliveryRate', label: t('dash.deliveryRate'), kind: 'pct' },
            ]}
          />
        </section>
      </div>
      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">
          {t('dash.byGroup')} {t(`dash.groups.${by}`).toLowerCase()} <Downloads table="delivery-groups" query={{ ...query, by }} label={t('dash.byGroup')} />
        </h2>
        <label className="inline" htmlFor="group-by">
          {t('dash.groupBy')}
        </label>{' '}
        <select id="group-by" value={by} onChange={(e) => set({ by: e.target.value })}>
          {DELIVERY_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`dash.groups.${g}`)}
            </option>
          ))}
        </select>
        <Chart
          label={`${t('dash.byGroup')}: ${t(`dash.groups.${by}`)}`}
          redrawKey={data}
          draw={(width) =>
            Plot.plot({
              width,
              height: 40 + 26 * groups.length,
              marginLeft: Math.min(280, width / 3),
              x: { label: t('dash.deliveryRate'), tickFormat: '%', grid: true, domain: [0, Math.max(1, ...groups.map((g) => Number(g.deliveryRate ?? 0)))] },
              y: { label: null, tickFormat: (d: string) => (d.length > 40 ? `${d.slice(0, 38)}…` : d) },
              marks: [
                Plot.barX(groups, { x: (d) => Number(d.deliveryRate ?? 0), y: 'label', fill: '#1f5f99', sort: { y: 'x', reverse: true }, tip: true }),
                Plot.ruleX([through / 12], { stroke: '#c0392b', strokeDasharray: '3 3' }),
              ],
            })
          }
        />
        <DataTable
          caption={t('dash.byGroup')}
          currency={data.currency}
          rows={groups}
          columns={[
            { key: 'label', label: t(`dash.groups.${by}`) },
            { key: 'projects', label: t('dash.projects'), kind: 'int' },
            { key: 'allocation', label: t('dash.allocation'), kind: 'money' },
            { key: 'expenditure', label: t('dash.expenditure'), kind: 'money' },
            { key: 'commitment', label: t('dash.commitments'), kind: 'money' },
            { key: 'deliveryRate', label: t('dash.deliveryRate'), kind: 'pct', bar: true },
            { key: 'forecast', label: t('dash.forecast'), kind: 'money' },
          ]}
        />
      </section>
    </div>
  );
}
