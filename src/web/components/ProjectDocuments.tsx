import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentCreate, ProjectDocument } from '../../shared/contracts/portfolio.ts';
import type { CodelistCode } from '../../shared/contracts/reference.ts';
import { api } from '../api.ts';
import { localName } from '../useCountries.ts';
import { Notice } from './Layout.tsx';
import { type Field, QuickForm } from './QuickForm.tsx';

const FORMATS = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/html',
  'application/octet-stream',
] as const;
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'zh'] as const;

/** A document's category named in the reader's language (English when the codelist has none; the code when unknown). */
const categoryName = (d: ProjectDocument, lang: string) =>
  d.categoryName === null ? d.category : localName({ nameEn: d.categoryName, nameFr: d.categoryNameFr, nameEs: d.categoryNameEs }, lang);

/** The form's values as a document (the fields are those of `fields` below; the server checks them again). */
const asDocument = (v: Record<string, unknown>): DocumentCreate => ({
  title: String(v.title ?? ''),
  url: String(v.url ?? ''),
  format: String(v.format ?? ''),
  category: String(v.category ?? ''),
  language: v.language === undefined ? undefined : String(v.language),
  documentDate: v.documentDate === undefined ? null : String(v.documentDate),
  confidential: v.confidential === true,
});

/** A project's documents (IATI document-links): a table, a form to add one, and per row change and remove. */
export function ProjectDocuments({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [docs, setDocs] = useState<ProjectDocument[] | null>(null);
  const [categories, setCategories] = useState<CodelistCode[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.projectDocuments(projectId).then(
      (r) => setDocs(r.items),
      (e) => setError((e as Error).message),
    );
  }, [projectId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (canWrite)
      api.codelist('DocumentCategory').then(
        (r) => setCategories(r.codes.filter((c) => c.status === 'active')),
        () => setCategories([]),
      );
  }, [canWrite]);
  const lang = i18n.language.slice(0, 2);
  const fields = (d?: ProjectDocument): Field[] => [
    { name: 'title', label: t('documents.name'), required: true, maxLength: 300, defaultValue: d?.title },
    { name: 'url', label: t('documents.url'), required: true, maxLength: 2000, defaultValue: d?.url, hint: 'https://…' },
    {
      name: 'category',
      label: t('documents.category'),
      type: 'select',
      required: true,
      defaultValue: d?.category ?? 'A07',
      options: categories.map((c) => ({ value: c.code, label: `${c.code} — ${localName(c, lang)}` })),
    },
    {
      name: 'format',
      label: t('documents.format'),
      type: 'select',
      required: true,
      defaultValue: d?.format ?? 'application/pdf',
      options: FORMATS.map((f) => ({ value: f, label: t(`documents.formats.${f}`) })),
    },
    {
      name: 'language',
      label: t('documents.language'),
      type: 'select',
      required: true,
      defaultValue: d?.language ?? lang,
      options: LANGUAGES.map((l) => ({ value: l, label: t(`documents.languages.${l}`) })),
    },
    { name: 'documentDate', label: t('documents.date'), type: 'date', defaultValue: d?.documentDate ?? undefined },
    { name: 'confidential', label: t('documents.confidential'), type: 'checkbox', defaultValue: d?.confidential ?? false },
  ];
  const remove = async (d: ProjectDocument) => {
    if (!window.confirm(t('documents.removeConfirm', { title: d.title }))) return;
    setError(null);
    try {
      await api.deleteProjectDocument(d.id, d.version);
    } catch (e) {
      setError((e as Error).message);
    }
    load();
  };
  return (
    <section className="card" aria-labelledby="p-documents">
      <h2 id="p-documents">{t('documents.title')}</h2>
      <p className="muted small">{t('documents.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {docs && !docs.length && <p>{t('documents.none')}</p>}
      {docs && docs.length > 0 && (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('documents.name')}</th>
              <th scope="col">{t('documents.category')}</th>
              <th scope="col">{t('documents.language')}</th>
              <th scope="col">{t('documents.date')}</th>
              {canWrite && <th scope="col">{t('documents.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={d.url} rel="noopener noreferrer" target="_blank">
                    {d.title}
                  </a>{' '}
                  <span className="muted small">({t(`documents.formats.${d.format}`, { defaultValue: d.format })})</span>
                  {d.confidential && <span className="badge">{t('documents.confidentialBadge')}</span>}
                </th>
                <td>{categoryName(d, lang)}</td>
                <td>{t(`documents.languages.${d.language}`, { defaultValue: d.language })}</td>
                <td>{d.documentDate ?? ''}</td>
                {canWrite && (
                  <td>
                    <QuickForm
                      title={t('documents.changeDocument', { title: d.title })}
                      fields={fields(d)}
                      onSubmit={(v) => api.updateProjectDocument(d.id, { ...asDocument(v), version: d.version })}
                      onDone={load}
                    />{' '}
                    <button type="button" className="link" aria-label={t('documents.removeNamed', { title: d.title })} onClick={() => remove(d)}>
                      {t('documents.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && categories.length > 0 && (
        <QuickForm title={t('documents.add')} fields={fields()} onSubmit={(v) => api.createProjectDocument(projectId, asDocument(v))} onDone={load} />
      )}
    </section>
  );
}
