import { useTranslation } from 'react-i18next';

/**
 * Dates (YYYY-MM-DD, or a timestamp read for its day) in the reader's language: `date` as text, `day` as a
 * `<time>` element. Days are calendar days, read in UTC so that no time zone moves them.
 */
export function useDates() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (iso: string) => fmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  const day = (iso: string) => <time dateTime={iso.slice(0, 10)}>{date(iso)}</time>;
  /** A moment (a change's time stamp) with its time of day, in the reader's own time zone. */
  const moment = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return { date, day, moment };
}
