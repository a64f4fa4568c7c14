import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentShare } from '../../shared/contracts/programming-answers.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';

/** The share of DWCP priorities reflected in Cooperation Frameworks, by region and year, with bars. */
export function AlignmentPage() {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<AlignmentShare[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .alignmentPortfolio()
      .then((r) => setRows(r.items))
      .catch((e) => setError(e.message));
  }, []);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="alignment-title">
      <h1 id="alignment-title">{t('alignmentView.portfolioTitle')}</h1>
      <p className="intro">{t('alignmentView.portfolioIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!rows ? (
        <p>{t('errors.loading')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('alignmentView.region')}</th>
              <th scope="col">{t('alignmentView.year')}</th>
              <th scope="col">{t('alignmentView.priorities')}</th>
              <th scope="col">{t('alignmentView.levels.fully')}</th>
              <th scope="col">{t('alignmentView.levels.partially')}</th>
              <th scope="col">{t('alignmentView.levels.not')}</th>
              <th scope="col">{t('alignmentView.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.region}-${r.year}`}>
                <th scope="row">{r.region}</th>
                <td>{r.year}</td>
                <td>{r.priorities}</td>
                <td>{r.fully}</td>
                <td>{r.partially}</td>
                <td>{r.not}</td>
                <td>
                  <span className="bar" aria-hidden="true">
                    <span className="fully" style={{ width: `${(100 * r.fully) / r.priorities}%` }} />
                    <span className="partially" style={{ width: `${(100 * r.partially) / r.priorities}%` }} />
                  </span>{' '}
                  {pct.format(Number(r.reflectedShare))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
