import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { UploadOutcome, useJsonDocumentUpload } from './JsonDocumentUpload.tsx';

/** Upload of a country programme document; the server applies it whole or not at all and says where it failed. */
export function ProgrammeImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { busy, outcome, upload } = useJsonDocumentUpload(
    api.importProgramme,
    { done: (r) => t('edit.imported', { country: r.country }), failed: t('edit.importFailed') },
    onImported,
  );

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('edit.importTitle')}</h2>
      <p className="muted small">{t('edit.importHint')}</p>
      <label>
        {t('edit.importFile')} <input type="file" accept="application/json,.json" onChange={upload} disabled={busy} />
      </label>
      <UploadOutcome outcome={outcome} />
    </section>
  );
}
