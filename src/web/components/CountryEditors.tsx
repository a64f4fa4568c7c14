import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConstituentCreate, type CpoUpdate, MILESTONE_KINDS, type MilestoneCreate } from '../../shared/contracts/programming.ts';
import type { CfOutput, Cpo, DwcpPriority, Milestone } from '../../shared/contracts/programming-answers.ts';
import { today } from '../../shared/dates.ts';
import { ApiError } from '../api/client.ts';
import type { In } from '../api/programming.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';
import { type Field, QuickForm } from './QuickForm.tsx';

/** Small editors of the country page. Each sends one request; the page reloads its data after it. */
function useSubmit(reload: () => void) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'success', text: t('edit.saved') });
      reload();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setMessage({ kind: 'error', text: t('edit.conflict') });
        reload();
      } else setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
      return false;
    }
  };
  return { message, submit };
}

export function ConstituentForm({ code, reload }: { code: string; reload: () => void }) {
  const { t } = useTranslation();
  return (
    <QuickForm
      title={t('edit.addConstituent')}
      onDone={reload}
      onSubmit={(v) => api.addConstituent(code, v as In<typeof ConstituentCreate>)}
      fields={[
        {
          name: 'kind',
          label: t('edit.kind'),
          type: 'select',
          required: true,
          options: ['ministry_of_labour', 'other_ministry', 'employers', 'workers'].map((k) => ({ value: k, label: t(`countries.kinds.${k}`) })),
        },
        { name: 'name', label: t('edit.name'), required: true, maxLength: 300 },
        { name: 'contactName', label: t('edit.contactName'), maxLength: 200 },
        { name: 'contactEmail', label: t('edit.contactEmail'), maxLength: 254 },
      ]}
    />
  );
}

export function MilestoneForm({ code, reload }: { code: string; reload: () => void }) {
  const { t } = useTranslation();
  return (
    <QuickForm
      title={t('edit.addMilestone')}
      onDone={reload}
      onSubmit={(v) => api.addMilestone(code, v as In<typeof MilestoneCreate>)}
      fields={[
        { name: 'kind', label: t('edit.kind'), type: 'select', required: true, options: MILESTONE_KINDS.map((k) => ({ value: k, label: k })) },
        { name: 'title', label: t('edit.title'), required: true, maxLength: 300 },
        { name: 'dueDate', label: t('edit.dueDate'), type: 'date', required: true },
        { name: 'notifyDays', label: t('edit.notifyDays'), type: 'number', defaultValue: 30 },
      ]}
    />
  );
}

export function MarkDone({ milestone, reload }: { milestone: Milestone; reload: () => void }) {
  const { t } = useTranslation();
  const { message, submit } = useSubmit(reload);
  return (
    <>
      <button type="button" className="link" onClick={() => submit(() => api.updateMilestone(milestone.id, { doneOn: today(), version: milestone.version }))}>
        {t('edit.markDone')}
      </button>
      {message?.kind === 'error' && <Notice kind="error">{message.text}</Notice>}
    </>
  );
}

/** A person's assessment of how far a DWCP priority is reflected in the CF, with its evidence: opened on demand. */
export function PriorityAssessment({ priority, reload }: { priority: DwcpPriority; reload: () => void }) {
  const { t } = useTranslation();
  return (
    <QuickForm
      title={`${t('edit.assess')} ${priority.code}`}
      buttonLabel={t('edit.assess')}
      onDone={reload}
      onSubmit={(v) =>
        api.assessPriority(priority.id, {
          alignmentRecorded: (v.level as NonNullable<DwcpPriority['alignmentRecorded']> | undefined) ?? null,
          alignmentEvidence: (v.evidence as string | null | undefined) ?? null,
          version: priority.version,
        })
      }
      fields={[
        {
          name: 'level',
          label: t('edit.assess'),
          type: 'select',
          defaultValue: priority.alignmentRecorded ?? '',
          options: ['fully', 'partially', 'not'].map((l) => ({ value: l, label: t(`alignmentView.levels.${l}`) })),
        },
        { name: 'evidence', label: t('edit.evidence'), type: 'textarea', defaultValue: priority.alignmentEvidence ?? '', maxLength: 4000, nullable: true },
      ]}
    />
  );
}

/** A DWCP outcome's values revised on demand: its code, its text (an additional one's), justification, the CF outputs it contributes to. */
export function CpoEditor({ cpo, outputs, reload }: { cpo: Cpo; outputs: CfOutput[]; reload: () => void }) {
  const { t } = useTranslation();
  const derived = cpo.derivation === 'derived';
  return (
    <QuickForm
      title={t('editors.cpo.edit', { code: cpo.code })}
      partial
      buttonLabel={t('editors.edit')}
      onDone={reload}
      onSubmit={(v) => api.updateCpo(cpo.id, { ...v, version: cpo.version } as In<typeof CpoUpdate>)}
      fields={[
        { name: 'code', label: t('editors.cpo.code'), required: true, maxLength: 20, defaultValue: cpo.code, hint: derived ? t('editors.cpo.textHint') : undefined },
        ...(derived
          ? []
          : ([
              { name: 'text', label: t('editors.cpo.text'), type: 'textarea', required: true, maxLength: 2000, defaultValue: cpo.text },
              { name: 'justification', label: t('editors.cpo.justification'), type: 'textarea', required: true, maxLength: 4000, defaultValue: cpo.justification ?? '' },
            ] as Field[])),
        ...(outputs.length
          ? ([
              {
                name: 'cfOutputIds',
                label: t('editors.cpo.cfOutputs'),
                type: 'checkboxes',
                defaultValue: cpo.cfOutputIds,
                options: outputs.map((o) => ({ value: o.id, label: `${o.code} ${o.text}` })),
              },
            ] as Field[])
          : []),
      ]}
    />
  );
}
