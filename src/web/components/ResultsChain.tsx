import { useTranslation } from 'react-i18next';
import type { CountryPageData } from '../../shared/contracts/programming-answers.ts';

const TITLE = { en: 'titleEn', fr: 'titleFr', es: 'titleEs' } as const;

/**
 * The chain from SDG target down to country programme outcome, as a tree of native disclosure
 * widgets (keyboard and screen-reader accessible without extra code).
 */
export function ResultsChain({ cycle, dwcp, sdgTargets }: Pick<CountryPageData, 'cycle' | 'dwcp' | 'sdgTargets'>) {
  const { t, i18n } = useTranslation();
  const lang = (['fr', 'es'].includes(i18n.language) ? i18n.language : 'en') as 'en' | 'fr' | 'es';
  const title = (code: string) => sdgTargets.find((s) => s.code === code)?.[TITLE[lang]] ?? '';
  if (!cycle) return <p>{t('countries.noCycle')}</p>;
  const outcomes = cycle.priorities.flatMap((p) => p.outcomes);
  const cpos = dwcp?.priorities.flatMap((p) => p.cpos) ?? [];
  const targets = [...new Set(outcomes.flatMap((o) => o.sdgTargets))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return (
    <div className="chain">
      <p className="muted">{t('countries.chainIntro')}</p>
      <ul className="tree">
        {targets.map((target) => (
          <li key={target}>
            <details open={targets.length <= 3}>
              <summary>
                <span className="sdg">SDG {target}</span> <span className="small">{title(target)}</span>
              </summary>
              <ul>
                {outcomes
                  .filter((o) => o.sdgTargets.includes(target))
                  .map((o) => {
                    const derived = cpos.filter((c) => c.cfOutcomeId === o.id);
                    return (
                      <li key={o.id}>
                        <details>
                          <summary>
                            <strong>{o.code}</strong> {o.text} <span className="muted">({t(`countries.orgRole.${o.orgRole}`)})</span>
                          </summary>
                          <ul>
                            {derived.length === 0 ? (
                              <li className="muted">{t('countries.noCpo')}</li>
                            ) : (
                              derived.map((c) => (
                                <li key={c.id}>
                                  <code>{c.code}</code> {c.text}
                                </li>
                              ))
                            )}
                          </ul>
                        </details>
                      </li>
                    );
                  })}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
