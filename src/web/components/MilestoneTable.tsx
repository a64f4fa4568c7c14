import { useTranslation } from 'react-i18next';
import type { CalendarMilestone } from '../../shared/contracts/programming-answers.ts';
import { useCountries } from '../useCountries.ts';
import { useDates } from '../useDates.tsx';
import { MarkDone } from './CountryEditors.tsx';

/** Coming milestones; with `onDone`, each can be marked done (the list then reloads). */
export function MilestoneTable({ items, showCountry = true, onDone }: { items: CalendarMilestone[]; showCountry?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const { name } = useCountries();
  const { day } = useDates();
  return (
    <table className="data compact">
      <thead>
        <tr>
          <th scope="col">{t('calendarView.due')}</th>
          {showCountry && <th scope="col">{t('countries.country')}</th>}
          <th scope="col">{t('calendarView.milestone')}</th>
          <th scope="col">{t('calendarView.notifyBy')}</th>
          {onDone && <th scope="col">{t('offices.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.id}>
            <td>{day(m.dueDate)}</td>
            {showCountry && <td>{name(m.countryCode)}</td>}
            <th scope="row">
              {m.title}
              {m.isSynthetic && (
                <span className="badge" title={t('app.syntheticHint')}>
                  {t('app.synthetic')}
                </span>
              )}
            </th>
            <td>{day(m.notifyBy)}</td>
            {onDone && (
              <td>
                <MarkDone milestone={m} reload={onDone} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
