import * as Plot from '@observablehq/plot';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioSummary } from '../../../shared/contracts/finance.ts';
import { isStatusIn, PIPELINE_STATUSES } from '../../../shared/project-statuses.ts';
import { api } from '../../api.ts';
import { Chart } from '../charts/Chart.tsx';
import { WorldMap } from '../charts/WorldMap.tsx';
import { Notice } from '../Layout.tsx';
import { DataTable } from './DataTable.tsx';
import { Downloads } from './Downloads.tsx';
import { Kpis } from './Kpis.tsx';
import { useFilters, useFormats } from './useFilters.ts';

/** The portfolio of a year: where the money is (map), at which stage (status), from which source. */
export function PortfolioView() {
  const { t } = useTranslation();
  const { year, filter } = useFilters();
  const [data, setData] = useState<PortfolioSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([year, filter]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for year and filter
  useEffect(() => {
    setData(null);
    api.portfolio({ year, ...filter }).then(setData, (e) => setError(e.message));
  }, [key]);
  const f = useFormats(data?.currency);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('errors.loading')}</p>;
  const query = { year, ...filter };
  const delivering = data.byStatus.filter((s) => ['approved', 'active', 'closed'].includes(s.status));
  const total = <R,>(rows: R[], figure: (r: R) => string | number) => rows.reduce((a, r) => a + Number(figure(r)), 0);
  const statusRows = data.byStatus.map((s) => ({ ...s, label: t(`portfolio.statuses.${s.status}`) }));
  return (
    <div className="dashboard" data-ready="portfolio">
      <Kpis
        items={[
          { label: t('dash.projects'), value: String(total(delivering, (r) => r.projects)), note: t('dash.delivering') },
          { label: t('dash.allocation'), value: f.money(total(delivering, (r) => r.allocation)) },
          {
            label: t('dash.pipelineWeighted'),
            value: f.money(
              total(
                data.byStatus.filter((s) => isStatusIn(PIPELINE_STATUSES, s.status)),
                (r) => r.weighted,
              ),
            ),
            note: t('dash.pipelineNote'),
          },
          { label: t('dash.countries'), value: String(data.byCountry.length) },
        ]}
      />
      <section className="card" aria-labelledby="map-title">
        <h2 id="map-title">
          {t('dash.mapTitle', { year })} <Downloads table="portfolio-countries" query={query} label={t('dash.mapTitle', { year })} />
        </h2>
        <WorldMap
          redrawKey={data}
          label={t('dash.mapTitle', { year })}
          legend={t('dash.allocationIn', { currency: data.currency })}
          values={data.byCountry.map((c) => ({ numeric: c.numeric, name: c.name, value: Number(c.allocation), text: `${f.money(c.allocation)} · ${f.pct(c.deliveryRate)}` }))}
        />
        <details>
          <summary>{t('dash.asTable')}</summary>
          <DataTable
            caption={t('dash.mapTitle', { year })}
            currency={data.currency}
            rows={data.byCountry}
            columns={[
              { key: 'name', label: t('dash.country') },
              { key: 'projects', label: t('dash.projects'), kind: 'int' },
              { key: 'allocation', label: t('dash.allocation'), kind: 'money' },
              { key: 'expenditure', label: t('dash.expenditure'), kind: 'money' },
              { key: 'deliveryRate', label: t('dash.deliveryRate'), kind: 'pct', bar: true },
            ]}
          />
        </details>
      </section>
      <div className="grid two">
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title">
            {t('dash.byStatus')} <Downloads table="portfolio-status" query={query} label={t('dash.byStatus')} />
          </h2>
          <Chart
            label={t('dash.byStatus')}
            redrawKey={data}
            draw={(width) =>
              Plot.plot({
                width,
                height: 220,
                marginLeft: 90,
                x: { label: t('dash.allocationIn', { currency: data.currency }), tickFormat: '~s', grid: true },
                y: { label: null, domain: statusRows.map((s) => s.label) },
                marks: [Plot.barX(statusRows, { x: (d) => Number(d.allocation), y: 'label', fill: '#1f5f99', tip: true }), Plot.ruleX([0])],
              })
            }
          />
          <DataTable
            caption={t('dash.byStatus')}
            currency={data.currency}
            rows={statusRows}
            columns={[
              { key: 'label', label: t('dash.status') },
              { key: 'projects', label: t('dash.projects'), kind: 'int' },
              { key: 'allocation', label: t('dash.allocation'), kind: 'money' },
              { key: 'weighted', label: t('dash.weighted'), kind: 'money' },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="source-title">
          <h2 id="source-title">
            {t('dash.bySource')} <Downloads table="portfolio-sources" query={query} label={t('dash.bySource')} />
          </h2>
          <Chart
            label={t('dash.bySource')}
            redrawKey={data}
            draw={(width) =>
              Plot.plot({
                width,
                height: 220,
                marginLeft: 60,
                x: { label: t('dash.allocationIn', { currency: data.currency }), tickFormat: '~s', grid: true },
                y: { label: null },
                marks: [
                  Plot.barX(data.bySource, { x: (d) => Number(d.allocation), y: 'code', fill: '#3a8d6e', tip: true, title: (d) => `${d.name}: ${f.money(d.allocation)}` }),
                  Plot.ruleX([0]),
                ],
              })
            }
          />
          <DataTable
            caption={t('dash.bySource')}
            currency={data.currency}
            rows={data.bySource}
            columns={[
              { key: 'name', label: t('dash.fundingSource') },
              { key: 'projects', label: t('dash.projects'), kind: 'int' },
              { key: 'allocation', label: t('dash.allocation'), kind: 'money' },
            ]}
          />
        </section>
      </div>
    </div>
  );
}
