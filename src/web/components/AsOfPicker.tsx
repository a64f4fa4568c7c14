import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { today } from '../../shared/dates.ts';

/** The "as at" date of a page, kept in the URL (?asOf=) so a view can be shared and reloaded. */
export function useAsOf(initial?: string): [string, (d: string) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? initial ?? today();
  const setAsOf = (d: string) =>
    setParams(
      (p) => {
        p.set('asOf', d);
        return p;
      },
      { replace: true },
    );
  return [asOf, setAsOf];
}

export function AsOfPicker({ asOf, onChange }: { asOf: string; onChange: (d: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="as-of">
      <span>{t('plans.showAsOf')}</span>
      <input type="date" value={asOf} required onChange={(e) => e.target.value && onChange(e.target.value)} />
    </label>
  );
}
