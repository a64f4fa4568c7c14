import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentMatrix as AlignmentMatrixData } from '../../shared/contracts/programming-answers.ts';
import { api } from '../api.ts';

/** DWCP priorities (rows) × CF outcomes (columns): ● a CPO derived from the outcome, ○ a link at output level only. */
export function AlignmentMatrix({ code }: { code: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<AlignmentMatrixData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api
      .alignment(code)
      .then(setData)
      .catch(() => setFailed(true));
  }, [code]);
  if (failed) return <p>{t('countries.noDwcp')}</p>;
  if (!data) return <p>{t('errors.loading')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the matrix scrolls sideways on a narrow screen, and a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <div className="matrix-wrap" tabIndex={0}>
      <table className="data matrix">
        <caption>{t('alignmentView.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alignmentView.priority')}</th>
            {data.outcomes.map((o) => (
              <th scope="col" key={o.id} title={o.text}>
                CF {o.code}
              </th>
            ))}
            <th scope="col">{t('alignmentView.computed')}</th>
            <th scope="col">{t('alignmentView.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <code>{r.code}</code> {r.title}
              </th>
              {data.outcomes.map((o) => {
                const cell = r.cells[o.id];
                return (
                  <td key={o.id} className={`cell ${cell ?? ''}`}>
                    {cell === 'outcome' ? (
                      <span title={t('alignmentView.outcomeCell')}>
                        ●<span className="visually-hidden">{t('alignmentView.outcomeCell')}</span>
                      </span>
                    ) : cell === 'output' ? (
                      <span title={t('alignmentView.outputCell')}>
                        ○<span className="visually-hidden">{t('alignmentView.outputCell')}</span>
                      </span>
                    ) : null}
                  </td>
                );
              })}
              <td>
                <span className={`level ${r.computed}`}>{t(`alignmentView.levels.${r.computed}`)}</span>
              </td>
              <td>{r.recorded ? <span className={`level ${r.recorded}`}>{t(`alignmentView.levels.${r.recorded}`)}</span> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted legend">
        ● {t('alignmentView.outcomeCell')} · ○ {t('alignmentView.outputCell')}
      </p>
    </div>
  );
}
