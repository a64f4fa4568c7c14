import { useTranslation } from 'react-i18next';
import type { Rec } from '../api/client.ts';
import { api } from '../api.ts';
import { QuickForm } from './QuickForm.tsx';

const RELATIONS = ['1', '2', '3', '4', '5'] as const;

/**
 * The IATI activities a project is related to (parent, child, sibling, co-funded, third party), edited
 * with the project (its version guards the list): add one, remove one.
 */
export function RelatedActivities({ project, canWrite, onChange }: { project: Rec; canWrite: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const related: { ref: string; type: string }[] = project.relatedActivities ?? [];
  const save = (list: { ref: string; type: string }[]) => api.updateProject(project.id, { relatedActivities: list, version: project.version });
  return (
    <section className="card" aria-labelledby="p-related">
      <h2 id="p-related">{t('documents.related')}</h2>
      <p className="muted small">{t('documents.relatedIntro')}</p>
      {related.length ? (
        <ul className="plain">
          {related.map((r) => (
            <li key={`${r.ref}-${r.type}`}>
              <code>{r.ref}</code> <span className="muted">({t(`documents.relations.${r.type}`)})</span>{' '}
              {canWrite && (
                <button type="button" className="link" onClick={() => save(related.filter((x) => x !== r)).then(onChange, onChange)}>
                  {t('documents.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('documents.relatedNone')}</p>
      )}
      {canWrite && (
        <QuickForm
          title={t('documents.addRelated')}
          fields={[
            { name: 'ref', label: t('documents.identifier'), required: true, maxLength: 200 },
            {
              name: 'type',
              label: t('documents.relation'),
              type: 'select',
              required: true,
              defaultValue: '1',
              options: RELATIONS.map((r) => ({ value: r, label: t(`documents.relations.${r}`) })),
            },
          ]}
          onSubmit={(v) => save([...related, { ref: String(v.ref), type: String(v.type) }])}
          onDone={onChange}
        />
      )}
    </section>
  );
}
