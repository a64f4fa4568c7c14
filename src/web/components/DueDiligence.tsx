import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUE_DILIGENCE_DECISIONS, type DueDiligenceCreate, type Partner, RISK_RATINGS } from '../../shared/contracts/portfolio.ts';
import { today } from '../../shared/dates.ts';
import { api } from '../api.ts';
import { useDates } from '../useDates.tsx';
import { FormField, OnDemand, SaveProblems, useSaveErrors } from './FormParts.tsx';
import { Notice } from './Layout.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The UN Common Approach's criteria a review checks. */
export const DUE_DILIGENCE_CRITERIA = ['labourStandards', 'humanRights', 'environment', 'anticorruption'] as const;

/** The partner's latest review made by a day, if it is positive and still valid then (the server's rule for signing). */
export function currentReview(p: Partner, on = today()) {
  const latest = p.dueDiligence.find((d) => d.reviewedOn <= on);
  return latest && latest.decision !== 'rejected' && latest.validUntil >= on ? latest : undefined;
}

/** Whether a partner may sign on a day: true unless it is a private-sector partner without a current positive review. */
export const maySign = (p: Partner, on = today()): boolean => p.partnerType !== 'private_sector' || Boolean(currentReview(p, on));

const FORM = 'review';

/** A partner's due-diligence reviews, whether it may sign, and (on demand) a form to record a new review. */
export function DueDiligence({ partner, canWrite, onRecorded }: { partner: Partner; canWrite: boolean; onRecorded: () => void }) {
  const { t } = useTranslation();
  const { day, date } = useDates();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const now = today();
  const signs = maySign(partner, now);
  const current = currentReview(partner, now);
  return (
    <section aria-labelledby="dd-title" className="card">
      <h2 id="dd-title">{t('partners.dd.title')}</h2>
      <p className="muted small">{t('partners.dd.intro')}</p>
      {!signs && (
        <p className="warn-box" data-dd="blocked">
          {t('partners.dd.blocked', { name: partner.name })}
        </p>
      )}
      {signs && current && <p data-dd="current">{t('partners.dd.current', { date: date(current.validUntil) })}</p>}
      {done && <Notice kind="success">{t('partners.dd.recorded')}</Notice>}
      {partner.dueDiligence.length === 0 ? (
        <p>{t('partners.dd.none')}</p>
      ) : (
        <ScrollRegion labelledBy="dd-title">
          <table className="data reviews">
            <thead>
              <tr>
                <th scope="col">{t('partners.dd.fields.reviewedOn')}</th>
                <th scope="col">{t('partners.dd.fields.riskRating')}</th>
                <th scope="col">{t('partners.dd.fields.decision')}</th>
                <th scope="col">{t('partners.dd.fields.notes')}</th>
                <th scope="col">{t('partners.dd.fields.validUntil')}</th>
                <th scope="col">{t('partners.dd.fields.reviewer')}</th>
              </tr>
            </thead>
            <tbody>
              {partner.dueDiligence.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{day(d.reviewedOn)}</th>
                  <td>{t(`partners.dd.risks.${d.riskRating}`)}</td>
                  <td>{t(`partners.dd.decisions.${d.decision}`)}</td>
                  <td>{d.notes ?? '—'}</td>
                  <td>
                    {day(d.validUntil)}
                    {d.validUntil < now && <span className="badge warn">{t('partners.dd.expired')}</span>}
                  </td>
                  <td>{d.reviewer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canWrite && (
        <OnDemand label={t('partners.dd.add')} open={open} setOpen={setOpen}>
          <ReviewForm
            partnerId={partner.id}
            onDone={(saved) => {
              setOpen(false);
              setDone(saved);
              if (saved) onRecorded();
            }}
          />
        </OnDemand>
      )}
    </section>
  );
}

function ReviewForm({ partnerId, onDone }: { partnerId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ reviewedOn: today(), validUntil: '', riskRating: 'low', decision: 'approved', reviewer: '', notes: '' });
  const [criteria, setCriteria] = useState<Record<string, boolean>>(Object.fromEntries(DUE_DILIGENCE_CRITERIA.map((c) => [c, false])));
  const [busy, setBusy] = useState(false);
  const errors = useSaveErrors({
    label: (f) => t(`partners.dd.fields.${f}`, { defaultValue: f }),
    reason: (r) => t(`partners.reasons.${r}`, { defaultValue: '' }) || undefined,
  });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      await api.addDueDiligence(partnerId, { ...draft, notes: draft.notes.trim() || null, criteria } as DueDiligenceCreate);
      onDone(true);
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  }
  const field = { form: FORM };
  return (
    <form onSubmit={save} noValidate aria-label={t('partners.dd.add')} className="edit-form">
      <SaveProblems form={FORM} errors={errors} onReload={() => onDone(false)} />
      <fieldset disabled={busy}>
        <div className="field-row">
          <FormField {...field} field="reviewedOn" label={t('partners.dd.fields.reviewedOn')} problem={errors.problemOf('reviewedOn')} required>
            {(p) => <input {...p} type="date" value={draft.reviewedOn} onChange={set('reviewedOn')} />}
          </FormField>
          <FormField {...field} field="validUntil" label={t('partners.dd.fields.validUntil')} problem={errors.problemOf('validUntil')} required>
            {(p) => <input {...p} type="date" value={draft.validUntil} onChange={set('validUntil')} />}
          </FormField>
        </div>
        <fieldset className="choices">
          <legend>{t('partners.dd.fields.criteria')}</legend>
          {DUE_DILIGENCE_CRITERIA.map((c) => (
            <label key={c}>
              <input type="checkbox" checked={criteria[c] ?? false} onChange={(e) => setCriteria((x) => ({ ...x, [c]: e.target.checked }))} /> {t(`partners.dd.criteria.${c}`)}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <FormField {...field} field="riskRating" label={t('partners.dd.fields.riskRating')} problem={errors.problemOf('riskRating')} required>
            {(p) => (
              <select {...p} value={draft.riskRating} onChange={set('riskRating')}>
                {RISK_RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {t(`partners.dd.risks.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField {...field} field="decision" label={t('partners.dd.fields.decision')} problem={errors.problemOf('decision')} required>
            {(p) => (
              <select {...p} value={draft.decision} onChange={set('decision')}>
                {DUE_DILIGENCE_DECISIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`partners.dd.decisions.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField {...field} field="reviewer" label={t('partners.dd.fields.reviewer')} problem={errors.problemOf('reviewer')} required>
          {(p) => <input {...p} value={draft.reviewer} onChange={set('reviewer')} maxLength={200} />}
        </FormField>
        <FormField {...field} field="notes" label={t('partners.dd.fields.notes')} problem={errors.problemOf('notes')}>
          {(p) => <textarea {...p} rows={3} value={draft.notes} onChange={set('notes')} maxLength={4000} />}
        </FormField>
        <div className="form-actions">
          <button type="submit">{busy ? t('forms.saving') : t('forms.save')}</button>
          <button type="button" className="link" onClick={() => onDone(false)}>
            {t('forms.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
