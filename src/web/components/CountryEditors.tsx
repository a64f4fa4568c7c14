import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConstituentCreate, MILESTONE_KINDS, type MilestoneCreate } from '../../shared/contracts/programming.ts';
import type { DwcpPriority, Milestone } from '../../shared/contracts/programming-answers.ts';
import { today } from '../../shared/dates.ts';
import { ApiError } from '../api/client.ts';
import type { In } from '../api/programming.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';

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
  const { message, submit } = useSubmit(reload);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const optional = (k: string) => (f.get(k) ? String(f.get(k)) : undefined);
    const body = { kind: String(f.get('kind')), name: String(f.get('name')), contactName: optional('contactName'), contactEmail: optional('contactEmail') } as In<
      typeof ConstituentCreate
    >;
    if (await submit(() => api.addConstituent(code, body))) form.reset();
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={t('edit.addConstituent')}>
      <label>
        {t('edit.kind')}
        <select name="kind">
          {['ministry_of_labour', 'other_ministry', 'employers', 'workers'].map((k) => (
            <option key={k} value={k}>
              {t(`countries.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('edit.name')}
        <input name="name" required maxLength={300} />
      </label>
      <label>
        {t('edit.contactName')}
        <input name="contactName" maxLength={200} />
      </label>
      <label>
        {t('edit.contactEmail')}
        <input name="contactEmail" type="email" maxLength={254} />
      </label>
      <button type="submit">{t('edit.add')}</button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </form>
  );
}

export function MilestoneForm({ code, reload }: { code: string; reload: () => void }) {
  const { t } = useTranslation();
  const { message, submit } = useSubmit(reload);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const ok = await submit(() =>
      api.addMilestone(code, { kind: String(f.get('kind')), title: String(f.get('title')), dueDate: String(f.get('dueDate')), notifyDays: Number(f.get('notifyDays')) } as In<
        typeof MilestoneCreate
      >),
    );
    if (ok) form.reset();
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={t('edit.addMilestone')}>
      <label>
        {t('edit.kind')}
        <select name="kind">
          {MILESTONE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('edit.title')}
        <input name="title" required maxLength={300} />
      </label>
      <label>
        {t('edit.dueDate')}
        <input name="dueDate" type="date" required />
      </label>
      <label>
        {t('edit.notifyDays')}
        <input name="notifyDays" type="number" min={0} max={365} defaultValue={30} />
      </label>
      <button type="submit">{t('edit.add')}</button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </form>
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

/** A person's assessment of how far a DWCP priority is reflected in the CF, with its evidence. */
export function PriorityAssessment({ priority, reload }: { priority: DwcpPriority; reload: () => void }) {
  const { t } = useTranslation();
  const { message, submit } = useSubmit(reload);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const level = String(f.get('level')) as NonNullable<DwcpPriority['alignmentRecorded']> | '';
    submit(() => api.assessPriority(priority.id, { alignmentRecorded: level || null, alignmentEvidence: String(f.get('evidence') || '') || null, version: priority.version }));
  };
  return (
    <form className="inline-form assess" onSubmit={onSubmit} aria-label={`${t('edit.assess')} ${priority.code}`}>
      <label>
        {t('edit.assess')}
        <select name="level" defaultValue={priority.alignmentRecorded ?? ''}>
          <option value="">—</option>
          {['fully', 'partially', 'not'].map((l) => (
            <option key={l} value={l}>
              {t(`alignmentView.levels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('edit.evidence')}
        <input name="evidence" defaultValue={priority.alignmentEvidence ?? ''} maxLength={4000} size={40} />
      </label>
      <button type="submit">{t('edit.save')}</button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </form>
  );
}
