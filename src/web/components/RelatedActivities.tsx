import { useTranslation } from 'react-i18next';
import { type ProjectDetail, RELATED_ACTIVITY_TYPES } from '../../shared/contracts/portfolio.ts';
import { api } from '../api.ts';
import { QuickForm } from './QuickForm.tsx';

type Related = ProjectDetail['relatedActivities'][number];

/**
 * The IATI activities a project is related to (parent, child, sibling, co-funded, third party), edited
 * with the project (its version guards the list): add one, remove one.
 */
export function RelatedActivities({ project, canWrite, onChange }: { project: ProjectDetail; canWrite: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const related = project.relatedActivities;
  const save = (list: Related[]) => api.updateProject(project.id, { relatedActivities: list, version: project.version });
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
              options: RELATED_ACTIVITY_TYPES.map((r) => ({ value: r, label: t(`documents.relations.${r}`) })),
            },
          ]}
          // type: one of the select's options, RELATED_ACTIVITY_TYPES (the server checks it again)
          onSubmit={(v) => save([...related, { ref: String(v.ref), type: String(v.type) as Related['type'] }])}
          onDone={onChange}
        />
      )}
    </section>
  );
}
