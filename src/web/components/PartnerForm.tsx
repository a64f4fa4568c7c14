import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_TYPES, type Partner } from '../../shared/contracts/portfolio.ts';
import { api } from '../api.ts';
import { useCountries } from '../useCountries.ts';
import { FormField, SaveProblems, useSaveErrors } from './FormParts.tsx';

interface Draft {
  code: string;
  name: string;
  partnerType: Partner['partnerType'];
  organisationRef: string;
  countryCode: string;
  confidential: boolean;
}

const toDraft = (p?: Partner): Draft => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  partnerType: p?.partnerType ?? 'government',
  organisationRef: p?.organisationRef ?? '',
  countryCode: p?.countryCode ?? '',
  confidential: p?.confidential ?? false,
});

const FORM = 'partner';

/**
 * A partner's every field, new or existing. The server refuses what is wrong (worded here beside the field) and a
 * stale save (409): the draft stays on screen until the user reloads.
 */
export function PartnerForm({
  partner,
  onSaved,
  onCancel,
  reload,
}: {
  partner?: Partner;
  onSaved: (p: Partner) => void;
  onCancel: () => void;
  reload: () => Promise<Partner | undefined>;
}) {
  const { t } = useTranslation();
  const { countries, countryName } = useCountries();
  const [draft, setDraft] = useState<Draft>(() => toDraft(partner));
  const [busy, setBusy] = useState(false);
  const errors = useSaveErrors({
    label: (f) => t(`partners.fields.${f}`, { defaultValue: f }),
    hint: (f, code) => (code === 'invalid_format' || code === 'too_big' ? t(`partners.hints.${f}`, { defaultValue: '' }) || undefined : undefined),
  });
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    const body = {
      code: draft.code,
      name: draft.name,
      partnerType: draft.partnerType,
      organisationRef: draft.organisationRef.trim() || null,
      countryCode: draft.countryCode || null,
      confidential: draft.confidential,
    };
    try {
      onSaved(partner ? await api.updatePartner(partner.id, { ...body, version: partner.version }) : await api.createPartner(body));
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function reloadIt() {
    const fresh = await reload();
    setDraft(toDraft(fresh));
    errors.clear();
  }

  const field = { form: FORM };
  return (
    <form onSubmit={save} noValidate aria-label={partner ? t('partners.editTitle', { name: partner.name }) : t('partners.newTitle')} className="edit-form">
      <SaveProblems form={FORM} errors={errors} onReload={reloadIt} />
      <fieldset disabled={busy}>
        <FormField {...field} field="name" label={t('partners.fields.name')} problem={errors.problemOf('name')} required>
          {(p) => <input {...p} value={draft.name} onChange={set('name')} maxLength={200} />}
        </FormField>
        <FormField {...field} field="code" label={t('partners.fields.code')} problem={errors.problemOf('code')} required hint={t('partners.hints.code')}>
          {(p) => <input {...p} value={draft.code} onChange={set('code')} maxLength={32} />}
        </FormField>
        <FormField {...field} field="partnerType" label={t('partners.fields.partnerType')} problem={errors.problemOf('partnerType')} required>
          {(p) => (
            <select {...p} value={draft.partnerType} onChange={set('partnerType')}>
              {PARTNER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`portfolio.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          {...field}
          field="organisationRef"
          label={t('partners.fields.organisationRef')}
          problem={errors.problemOf('organisationRef')}
          hint={t('partners.hints.organisationRef')}
        >
          {(p) => <input {...p} value={draft.organisationRef} onChange={set('organisationRef')} maxLength={100} />}
        </FormField>
        <FormField {...field} field="countryCode" label={t('partners.fields.countryCode')} problem={errors.problemOf('countryCode')}>
          {(p) => (
            <select {...p} value={draft.countryCode} onChange={set('countryCode')}>
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="field checkbox">
          <label>
            <input type="checkbox" checked={draft.confidential} onChange={(e) => setDraft((d) => ({ ...d, confidential: e.target.checked }))} /> {t('partners.fields.confidential')}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit">{busy ? t('forms.saving') : t('forms.save')}</button>
          <button type="button" className="link" onClick={onCancel}>
            {t('forms.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
