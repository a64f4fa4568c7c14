import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';

/** Upload of a country programme document; the server applies it whole or not at all and says where it failed. */
export function ProgrammeImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string; issues?: { path?: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch (err) {
        setResult({ kind: 'error', text: t('edit.importFailed'), issues: [{ path: file.name, message: (err as Error).message }] });
        return;
      }
      const r = await api.importProgramme(doc);
      setResult({ kind: 'success', text: t('edit.imported', { country: r.country }) });
      onImported();
    } catch (err) {
      const issues = err instanceof ApiError ? err.details?.issues : undefined;
      setResult({ kind: 'error', text: t('edit.importFailed'), issues: issues ?? [{ path: '', message: (err as Error).message }] });
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('edit.importTitle')}</h2>
      <p className="muted small">{t('edit.importHint')}</p>
      <label>
        {t('edit.importFile')} <input type="file" accept="application/json,.json" onChange={upload} disabled={busy} />
      </label>
      {result && (
        <Notice kind={result.kind}>
          {result.text}
          {result.issues && (
            <ul>
              {result.issues.map((i) => (
                <li key={`${i.path}-${i.message}`}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </section>
  );
}
