import { useTranslation } from 'react-i18next';
import type { ActualCreate, IndicatorCreate, TargetSet } from '../../shared/contracts/programming.ts';
import type { IndicatorWithValues } from '../../shared/contracts/programming-answers.ts';
import type { In } from '../api/programming.ts';
import { api } from '../api.ts';
import { QuickForm } from './QuickForm.tsx';

/** The indicators of one results node: baseline, current targets and milestones, actuals; editors when allowed. */
export function IndicatorPanel({
  nodeType,
  nodeId,
  all,
  canWrite,
  reload,
}: {
  nodeType: 'cf_outcome' | 'cpo' | 'org_outcome' | 'project';
  nodeId: string;
  /** Indicators of several nodes; this panel shows those of `nodeId`. */
  all: IndicatorWithValues[];
  canWrite: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const indicators = all.filter((i) => i.nodeId === nodeId);
  if (!indicators.length && !canWrite) return null;
  return (
    <div className="indicators">
      {indicators.map((i) => (
        <div key={i.id} className="indicator">
          <div>
            <strong>{i.code ? `${i.code} ` : ''}</strong>
            {i.title} <span className="muted small">({i.unit})</span>
          </div>
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('countries.period')}</th>
                <th scope="col">{t('edit.kindLabel')}</th>
                <th scope="col">{t('edit.value')}</th>
                <th scope="col">{t('edit.source')}</th>
              </tr>
            </thead>
            <tbody>
              {i.baselineValue !== null && (
                <tr>
                  <td>{i.baselineDate}</td>
                  <td>{t('edit.baseline')}</td>
                  <td>{i.baselineValue}</td>
                  <td />
                </tr>
              )}
              {i.targets.map((x) => (
                <tr key={`t${x.id}`}>
                  <td>
                    {x.periodStart} – {x.periodEnd}
                  </td>
                  <td>{t(`edit.${x.kind}`)}</td>
                  <td>{x.value}</td>
                  <td className="muted small">{x.reason}</td>
                </tr>
              ))}
              {i.actuals.map((a) => (
                <tr key={`a${a.id}`} className="actual">
                  <td>
                    {a.periodStart} – {a.periodEnd}
                  </td>
                  <td>{t('edit.actuals')}</td>
                  <td>{a.value}</td>
                  <td className="small">{a.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canWrite && (
            <div className="editors">
              <QuickForm
                title={t('edit.setTarget')}
                onDone={reload}
                onSubmit={(v) => api.setTarget(i.id, v as In<typeof TargetSet>)}
                fields={[
                  {
                    name: 'kind',
                    label: t('edit.kindLabel'),
                    type: 'select',
                    required: true,
                    options: [
                      { value: 'target', label: t('edit.target') },
                      { value: 'milestone', label: t('edit.milestone') },
                    ],
                  },
                  { name: 'periodStart', label: t('edit.periodStart'), type: 'date', required: true },
                  { name: 'periodEnd', label: t('edit.periodEnd'), type: 'date', required: true },
                  { name: 'value', label: t('edit.value'), required: true },
                  { name: 'reason', label: t('edit.reason'), hint: t('edit.reasonHint'), maxLength: 2000 },
                ]}
              />
              <QuickForm
                title={t('edit.addActual')}
                onDone={reload}
                onSubmit={(v) => api.addActual(i.id, v as In<typeof ActualCreate>)}
                fields={[
                  { name: 'periodStart', label: t('edit.periodStart'), type: 'date', required: true },
                  { name: 'periodEnd', label: t('edit.periodEnd'), type: 'date', required: true },
                  { name: 'value', label: t('edit.value'), required: true },
                  { name: 'source', label: t('edit.source'), required: true, maxLength: 500 },
                  { name: 'comment', label: t('edit.comment'), maxLength: 2000 },
                ]}
              />
            </div>
          )}
        </div>
      ))}
      {canWrite && (
        <QuickForm
          title={t('edit.addIndicator')}
          onDone={reload}
          onSubmit={(v) => api.addIndicator({ ...v, nodeType, nodeId } as In<typeof IndicatorCreate>)}
          fields={[
            { name: 'code', label: t('edit.code'), maxLength: 20 },
            { name: 'title', label: t('edit.title'), required: true, maxLength: 1000 },
            { name: 'unit', label: t('edit.unit'), required: true, maxLength: 60 },
            { name: 'baselineValue', label: t('edit.baseline') },
            { name: 'baselineDate', label: t('edit.baselineDate'), type: 'date' },
          ]}
        />
      )}
    </div>
  );
}
