import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { IndicatorValueCreate, StrategyIndicatorCreate, StrategyIndicatorUpdate, StrategyOutcomeCreate, StrategyOutcomeUpdate } from '../../shared/contracts/strategies.ts';
import type { StrategyOutcome, StrategyProgress } from '../../shared/contracts/strategies-answers.ts';
import { api } from '../api.ts';
import { AsOfPicker, useAsOf } from '../components/AsOfPicker.tsx';
import { Notice } from '../components/Layout.tsx';
import { type Field, QuickForm } from '../components/QuickForm.tsx';
import { ReportLinks } from '../components/ReportLinks.tsx';
import { useSession } from '../session.tsx';

const money = (amount: string | null, currency: string, locale: string) =>
  amount === null ? '–' : new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(amount));

type T = (key: string, options?: Record<string, unknown>) => string;

/** The fields of an outcome's costing line: resources available (an estimate or not), key outputs, the gap. */
const costingFields = (t: T, currency: string, o?: StrategyOutcome): Field[] => [
  {
    name: 'availableResources',
    label: t('editors.strategy.availableResources', { currency }),
    type: 'decimal',
    nullable: true,
    maxLength: 24,
    defaultValue: o?.availableResources ?? '',
  },
  { name: 'resourcesEstimated', label: t('editors.strategy.resourcesEstimated'), type: 'checkbox', defaultValue: o?.resourcesEstimated ?? true },
  { name: 'keyOutputs', label: t('editors.strategy.keyOutputs'), type: 'lines', hint: t('editors.strategy.keyOutputsHint'), defaultValue: o?.keyOutputs ?? [] },
  { name: 'resourceGap', label: t('editors.strategy.resourceGap', { currency }), type: 'decimal', nullable: true, maxLength: 24, defaultValue: o?.resourceGap ?? '' },
];

/**
 * A strategy as at a date: per outcome, each indicator's milestone for the period, its value (entered with
 * its source, or computed by a named formula with the data it used), the status and the rule behind it.
 */
export function StrategyPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { can } = useSession();
  const canWrite = can('strategies.write');
  const [asOf, setAsOf] = useAsOf();
  const [data, setData] = useState<StrategyProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .strategyProgress(code, asOf)
      .then(setData)
      .catch((e) => {
        setData(null);
        setError(e.message);
      });
  }, [code, asOf]);
  useEffect(load, [load]);
  const s = data?.strategy;
  return (
    <section aria-labelledby="strategy-title">
      <h1 id="strategy-title">{s?.title ?? code}</h1>
      {s && (
        <p className="muted small">
          {s.documentSymbol ? `${s.documentSymbol} · ` : ''}
          {t('plans.period', { from: s.periodStart, to: s.periodEnd })}
        </p>
      )}
      <div className="toolbar">
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {data && <ReportLinks kind="strategy-measurement" subject={code} query={{ asOf }} label={t('plans.reportLinks')} />}
      {data?.outcomes.map(({ outcome: o, indicators }) => (
        <section key={o.id} className="card" aria-labelledby={`outcome-${o.id}`}>
          <h2 id={`outcome-${o.id}`}>
            {t('plans.outcome', { number: o.number })}: {o.title}
          </h2>
          {canWrite && (
            <div className="editors">
              <QuickForm
                title={t('editors.strategy.editOutcome', { number: o.number })}
                partial
                buttonLabel={t('editors.edit')}
                onDone={load}
                onSubmit={(v) => api.updateStrategyOutcome(o.id, { ...v, version: o.version } as z.input<typeof StrategyOutcomeUpdate>)}
                fields={[
                  { name: 'number', label: t('editors.strategy.number'), type: 'number', required: true, defaultValue: o.number },
                  { name: 'title', label: t('editors.strategy.title'), type: 'textarea', required: true, maxLength: 1000, defaultValue: o.title },
                  { name: 'strategyText', label: t('editors.strategy.strategyText'), type: 'textarea', nullable: true, maxLength: 40000, defaultValue: o.strategyText ?? '' },
                ]}
              />
              <QuickForm
                title={t('editors.strategy.addIndicator', { number: o.number })}
                onDone={load}
                onSubmit={(v) => api.addStrategyIndicator(o.id, v as z.input<typeof StrategyIndicatorCreate>)}
                fields={[
                  { name: 'number', label: t('editors.strategy.indicatorNumber'), required: true, maxLength: 5, defaultValue: `${o.number}.${indicators.length + 1}` },
                  { name: 'text', label: t('editors.strategy.indicatorText'), type: 'textarea', required: true, maxLength: 2000 },
                  { name: 'baselineText', label: t('editors.strategy.baselineText'), required: true, maxLength: 300 },
                  { name: 'baselineValue', label: t('editors.strategy.baselineValue'), type: 'decimal', maxLength: 24 },
                  { name: 'targetText', label: t('editors.strategy.targetText'), required: true, maxLength: 300 },
                  { name: 'targetValue', label: t('editors.strategy.targetValue'), type: 'decimal', maxLength: 24 },
                  {
                    name: 'unit',
                    label: t('editors.strategy.unit'),
                    type: 'select',
                    required: true,
                    options: (['percent', 'number', 'increase'] as const).map((u) => ({ value: u, label: t(`editors.strategy.units.${u}`) })),
                  },
                ]}
              />
            </div>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls inside its card, and a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <table className="data strategy-indicators" tabIndex={0}>
            <caption className="visually-hidden">{t('plans.outcome', { number: o.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.indicator')}</th>
                <th scope="col">{t('plans.baseline')}</th>
                <th scope="col">{t('plans.target')}</th>
                <th scope="col">{t('plans.milestone', { period: data.period ?? '–' })}</th>
                <th scope="col">{t('plans.value')}</th>
                <th scope="col">{t('plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((r) => (
                <tr key={r.indicator.id}>
                  <td>
                    <strong>{r.indicator.number}</strong> {r.indicator.text}
                    {canWrite && (
                      <QuickForm
                        title={t('editors.strategy.editIndicator', { number: r.indicator.number })}
                        partial
                        buttonLabel={t('editors.edit')}
                        onDone={load}
                        onSubmit={(v) => api.updateStrategyIndicator(r.indicator.id, { ...v, version: r.indicator.version } as z.input<typeof StrategyIndicatorUpdate>)}
                        fields={[
                          { name: 'text', label: t('editors.strategy.indicatorText'), type: 'textarea', required: true, maxLength: 2000, defaultValue: r.indicator.text },
                          { name: 'baselineText', label: t('editors.strategy.baselineText'), required: true, maxLength: 300, defaultValue: r.indicator.baselineText },
                          { name: 'targetText', label: t('editors.strategy.targetText'), required: true, maxLength: 300, defaultValue: r.indicator.targetText },
                        ]}
                      />
                    )}
                  </td>
                  <td>{r.indicator.baselineText}</td>
                  <td>{r.indicator.targetText}</td>
                  <td>{r.milestone?.label ?? '–'}</td>
                  <td>
                    <strong>{r.value === null ? '–' : r.indicator.unit === 'percent' ? `${Number(r.value)}%` : Number(r.value)}</strong>
                    <div className="small muted">{r.source ?? t('plans.noValue')}</div>
                    {r.computed && (
                      <details>
                        <summary className="small">{r.computed.formula}</summary>
                        <dl className="small facts">
                          {Object.entries(r.computed.data).map(([k, v]) => (
                            <div key={k}>
                              <dt>{k}</dt>
                              <dd>{String(v ?? '–')}</dd>
                            </div>
                          ))}
                        </dl>
                      </details>
                    )}
                    {canWrite && !r.indicator.formula && (
                      <QuickForm
                        title={t('plans.enterValue')}
                        onDone={load}
                        onSubmit={(v) => api.addIndicatorValue(r.indicator.id, v as z.input<typeof IndicatorValueCreate>)}
                        fields={[
                          { name: 'asOf', label: t('plans.asOf'), type: 'date', required: true, defaultValue: asOf },
                          { name: 'value', label: t('plans.value'), required: true, maxLength: 22 },
                          { name: 'source', label: t('plans.valueSource'), required: true, maxLength: 500 },
                        ]}
                      />
                    )}
                  </td>
                  <td>
                    <span className={`indicator-status ${r.status}`}>{t(`plans.statuses.${r.status}`)}</span>
                    <div className="small muted">{r.rule}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {data && (
        <section className="card" aria-labelledby="costing-title">
          <h2 id="costing-title">{t('plans.costing')}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls inside its card, and a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <table className="data costing" tabIndex={0}>
            <caption className="visually-hidden">{t('plans.costing')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.outcomes')}</th>
                <th scope="col">{t('plans.available')}</th>
                <th scope="col">{t('plans.keyOutputs')}</th>
                <th scope="col">{t('plans.gap')}</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">{t('editors.edit')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map(({ outcome: o }) => (
                <tr key={o.id}>
                  <th scope="row">{t('plans.outcome', { number: o.number })}</th>
                  <td className="num">
                    {o.resourcesEstimated && o.availableResources !== null ? `${t('editors.strategy.estimated')} ` : ''}
                    {money(o.availableResources, data.strategy.currency, i18n.language)}
                  </td>
                  <td>
                    <ul className="plain small">
                      {o.keyOutputs.map((k) => (
                        <li key={k}>{k}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="num">{o.resourceGap && Number(o.resourceGap) > 0 ? money(o.resourceGap, data.strategy.currency, i18n.language) : '–'}</td>
                  {canWrite && (
                    <td>
                      <QuickForm
                        title={t('editors.strategy.editCosting', { number: o.number })}
                        partial
                        buttonLabel={t('editors.edit')}
                        onDone={load}
                        onSubmit={(v) => api.updateStrategyOutcome(o.id, { ...v, version: o.version } as z.input<typeof StrategyOutcomeUpdate>)}
                        fields={costingFields(t, data.strategy.currency, o)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {canWrite && (
            <QuickForm
              title={t('editors.strategy.addOutcome')}
              onDone={load}
              onSubmit={(v) => api.addStrategyOutcome(data.strategy.id, v as z.input<typeof StrategyOutcomeCreate>)}
              fields={[
                {
                  name: 'number',
                  label: t('editors.strategy.number'),
                  type: 'number',
                  required: true,
                  defaultValue: Math.max(0, ...data.outcomes.map((x) => x.outcome.number)) + 1,
                },
                { name: 'title', label: t('editors.strategy.title'), type: 'textarea', required: true, maxLength: 1000 },
                ...costingFields(t, data.strategy.currency).map((f) => ({ ...f, nullable: undefined })),
              ]}
            />
          )}
        </section>
      )}
    </section>
  );
}
