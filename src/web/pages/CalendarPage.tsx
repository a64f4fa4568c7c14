import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarMilestone, MilestoneNotification } from '../../shared/contracts/programming-answers.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { MilestoneTable } from '../components/MilestoneTable.tsx';
import { useCountries } from '../useCountries.ts';

/** The UN process calendar: what comes in the next 24 months, and whom to tell now. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { name } = useCountries();
  const [items, setItems] = useState<CalendarMilestone[] | null>(null);
  const [notify, setNotify] = useState<MilestoneNotification[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.calendar(), api.notifications()])
      .then(([c, n]) => {
        setItems(c.items);
        setNotify(n.items);
      })
      .catch((e) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="calendar-title">
      <div className="page-head">
        <div>
          <h1 id="calendar-title">{t('calendarView.title')}</h1>
          <p className="intro">{t('calendarView.intro')}</p>
        </div>
        <a className="button" href="/api/calendar.ics" download>
          {t('calendarView.download')}
        </a>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <section aria-labelledby="notify-title" className="card">
        <h2 id="notify-title">{t('calendarView.notifyNow')}</h2>
        <p className="muted">{t('calendarView.notifyIntro')}</p>
        {notify.length === 0 ? (
          <p>{t('calendarView.nothing')}</p>
        ) : (
          <ul className="plain notify">
            {notify.map((m) => (
              <li key={m.id}>
                <strong>
                  {name(m.countryCode)}: {m.title}
                </strong>{' '}
                <span className="muted">({t('calendarView.daysLeft', { count: m.daysLeft })})</span>
                <div className="small">{m.constituents.map((c) => c.name).join(' · ')}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!items ? <p>{t('errors.loading')}</p> : <MilestoneTable items={items} />}
    </section>
  );
}
