import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/locales.ts';
import type { Query } from '../api/client.ts';
import { reportUrl } from '../api/plans.ts';

const FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;

/** Links to a report as at a date in every format: HTML opens in a new tab, the others download. */
export function ReportLinks({ kind, subject, query, label }: { kind: string; subject: string; query: Query; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = (LOCALES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <nav className="report-links" aria-label={label}>
      <span className="small muted">{label}:</span>
      {FORMATS.map((f) => (
        <a
          key={f}
          className="button-link"
          href={reportUrl(kind, subject, { ...query, lang, format: f })}
          {...(f === 'html' ? { target: '_blank', rel: 'noreferrer' } : { download: '' })}
        >
          {t(`plans.formats.${f}`)}
        </a>
      ))}
    </nav>
  );
}
