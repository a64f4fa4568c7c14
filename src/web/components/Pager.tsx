import { useTranslation } from 'react-i18next';

/** Previous and next, and "page x of y" (pages count from 1). */
export function Pager({ page, pages, onPage, label }: { page: number; pages: number; onPage: (page: number) => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label ?? t('money.pager.label')}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('money.pager.previous')}
      </button>
      <span aria-live="polite">{t('money.pager.pageOf', { page, pages })}</span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('money.pager.next')}
      </button>
    </nav>
  );
}
