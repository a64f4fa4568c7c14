import { useTranslation } from 'react-i18next';
import { type Query, qs } from '../../api/client.ts';

/** CSV and XLSX of a dashboard table, with the same parameters as the view (readable labels in the reader's language, formulas neutralised). */
export function Downloads({ table, query, label }: { table: string; query: Query; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          className="small"
          href={`/api/tables/${table}?${qs({ ...query, format, lang: i18n.language })}`}
          download
          aria-label={t('dash.download', { what: label, format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
