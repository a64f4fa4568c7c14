import { useTranslation } from 'react-i18next';
import type { CountryPageData } from '../../shared/contracts/programming-answers.ts';
import { IndicatorPanel } from './IndicatorPanel.tsx';

/** The current Cooperation Framework cycle: strategic priorities → outcomes (SDG targets, role) → outputs, with indicators. */
export function CfStructure({ data, canWrite, reload }: { data: CountryPageData; canWrite: boolean; reload: () => void }) {
  const { t } = useTranslation();
  const cycle = data.cycle;
  if (!cycle) return null;
  return (
    <details className="structure">
      <summary>
        {t('edit.structure')}: {cycle.title}
      </summary>
      <ol className="priorities">
        {cycle.priorities.map((p) => (
          <li key={p.id}>
            <strong>
              {p.code} {p.title}
            </strong>
            <ul>
              {p.outcomes.map((o) => (
                <li key={o.id}>
                  <strong>{o.code}</strong> {o.text} <span className="muted">({t(`countries.orgRole.${o.orgRole}`)})</span>{' '}
                  {o.sdgTargets.map((s) => (
                    <span key={s} className="sdg small">
                      {s}
                    </span>
                  ))}
                  {o.outputs.length > 0 && (
                    <ul>
                      {o.outputs.map((x) => (
                        <li key={x.id} className="small">
                          {x.code} {x.text}
                        </li>
                      ))}
                    </ul>
                  )}
                  <IndicatorPanel nodeType="cf_outcome" nodeId={o.id} all={data.indicators} canWrite={canWrite} reload={reload} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
