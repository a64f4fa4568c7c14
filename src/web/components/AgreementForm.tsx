import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES, type Agreement, type AgreementCreate, type AgreementUpdate, EARMARKING, type Partner } from '../../shared/contracts/portfolio.ts';
import type { FundingSource, NamedCode } from '../../shared/contracts/reference.ts';
import { currencyDecimals } from '../../shared/money.ts';
import { api } from '../api.ts';
import { localName } from '../useCountries.ts';
import { type AmountRow, AmountsByYear } from './AmountsByYear.tsx';
import { maySign } from './DueDiligence.tsx';
import { FormField, SaveProblems, useSaveErrors } from './FormParts.tsx';

interface Draft {
  partnerId: string;
  code: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  status: Agreement['status'];
  earmarking: Agreement['earmarking'];
  fundingSource: string;
  amounts: AmountRow[];
}

const toDraft = (a?: Agreement, partnerId = ''): Draft => ({
  partnerId: a?.partnerId ?? partnerId,
  code: a?.code ?? '',
  title: a?.title ?? '',
  periodStart: a?.periodStart ?? '',
  periodEnd: a?.periodEnd ?? '',
  currency: a?.currency ?? 'USD',
  status: a?.status ?? 'signed',
  earmarking: a?.earmarking ?? 'tightly_earmarked',
  fundingSource: a?.fundingSource ?? 'XBDC',
  amounts: (a?.amounts ?? []).map((x) => ({ year: String(x.year), amount: x.amount })),
});

/** A year as the API takes it: a number when it is one, else the text (which the server refuses, naming the row). */
const year = (y: string) => (/^\d{1,4}$/.test(y.trim()) ? Number(y) : (y as unknown as number));

const FORM = 'agreement';

/**
 * An agreement's every field, new or existing; an existing one sends only what changed (a partial update). The
 * server refuses what is wrong, worded here beside the field, and a stale save (409): the draft stays on screen.
 */
export function AgreementForm({
  agreement,
  partners,
  partnerId,
  onSaved,
  onCancel,
  reload,
}: {
  agreement?: Agreement;
  partners: Partner[];
  partnerId?: string;
  onSaved: (a: Agreement) => void;
  onCancel: () => void;
  reload: () => Promise<Agreement | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(agreement, partnerId ?? ''));
  const [currencies, setCurrencies] = useState<NamedCode[]>([]);
  const [sources, setSources] = useState<FundingSource[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.agreementCurrencies().then(
      (r) => setCurrencies(r.items.filter((c) => c.status === 'active')),
      () => setCurrencies([]),
    );
    api.fundingSources().then(
      (r) => setSources(r.items),
      () => setSources([]),
    );
  }, []);
  const label = (f: string) => {
    const row = /^amounts\.(\d+)\.(year|amount)$/.exec(f);
    if (row) return t('forms.row', { label: t(`partners.agreements.fields.${row[2]}`), n: Number(row[1]) + 1 });
    return t(`partners.agreements.fields.${f}`, { defaultValue: f });
  };
  const errors = useSaveErrors({
    label,
    reason: (r) => t(`partners.reasons.${r}`, { defaultValue: '', currency: draft.currency, decimals: currencyDecimals(draft.currency) }) || undefined,
    hint: (f, code) =>
      /\.year$/.test(f)
        ? t('partners.reasons.year')
        : code === 'invalid_format' || code === 'too_big'
          ? t(`partners.agreements.hints.${f}`, { defaultValue: '' }) || undefined
          : undefined,
  });
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const lang = i18n.language;
  const partner = partners.find((p) => p.id === draft.partnerId);

  function body(): AgreementCreate {
    return {
      partnerId: draft.partnerId,
      code: draft.code,
      title: draft.title,
      periodStart: draft.periodStart,
      periodEnd: draft.periodEnd,
      currency: draft.currency,
      status: draft.status,
      earmarking: draft.earmarking,
      fundingSource: draft.fundingSource,
      amounts: draft.amounts.map((r) => ({ year: year(r.year), amount: r.amount.trim() })),
    };
  }

  /** What the user changed, and only that (a partial update): amounts are sent whole when any row changed. */
  function changes(a: Agreement): AgreementUpdate {
    const { partnerId: _, ...all } = body();
    const before = toDraft(a);
    const out: Record<string, unknown> = { version: a.version };
    for (const [k, v] of Object.entries(all)) {
      const was = k === 'amounts' ? JSON.stringify(before.amounts) : before[k as keyof Draft];
      const now = k === 'amounts' ? JSON.stringify(draft.amounts) : v;
      if (was !== now) out[k] = v;
    }
    return out as AgreementUpdate;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      onSaved(agreement ? await api.updateAgreement(agreement.id, changes(agreement)) : await api.createAgreement(body()));
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
    <form
      onSubmit={save}
      noValidate
      aria-label={agreement ? t('partners.agreements.editTitle', { code: agreement.code }) : t('partners.agreements.newTitle')}
      className="edit-form wide"
    >
      <SaveProblems form={FORM} errors={errors} onReload={reloadIt} />
      <fieldset disabled={busy}>
        {agreement ? (
          <p>
            <strong>{t('partners.agreements.fields.partnerId')}:</strong> {agreement.partnerName}
          </p>
        ) : (
          <FormField {...field} field="partnerId" label={t('partners.agreements.fields.partnerId')} problem={errors.problemOf('partnerId')} required>
            {(p) => (
              <select {...p} value={draft.partnerId} onChange={set('partnerId')}>
                <option value="">—</option>
                {partners.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.code})
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {!agreement && partner && !maySign(partner) && <p className="warn-box">{t('partners.dd.blocked', { name: partner.name })}</p>}
        <div className="field-row">
          <FormField {...field} field="code" label={t('partners.agreements.fields.code')} problem={errors.problemOf('code')} required>
            {(p) => <input {...p} value={draft.code} onChange={set('code')} maxLength={40} />}
          </FormField>
          <FormField {...field} field="status" label={t('partners.agreements.fields.status')} problem={errors.problemOf('status')} required>
            {(p) => (
              <select {...p} value={draft.status} onChange={set('status')}>
                {AGREEMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`partners.agreements.statuses.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField {...field} field="title" label={t('partners.agreements.fields.title')} problem={errors.problemOf('title')} required>
          {(p) => <input {...p} value={draft.title} onChange={set('title')} maxLength={300} />}
        </FormField>
        <div className="field-row">
          <FormField {...field} field="periodStart" label={t('partners.agreements.fields.periodStart')} problem={errors.problemOf('periodStart')} required>
            {(p) => <input {...p} type="date" value={draft.periodStart} onChange={set('periodStart')} />}
          </FormField>
          <FormField {...field} field="periodEnd" label={t('partners.agreements.fields.periodEnd')} problem={errors.problemOf('periodEnd')} required>
            {(p) => <input {...p} type="date" value={draft.periodEnd} onChange={set('periodEnd')} />}
          </FormField>
        </div>
        <div className="field-row">
          <FormField {...field} field="currency" label={t('partners.agreements.fields.currency')} problem={errors.problemOf('currency')} required>
            {(p) => (
              <select {...p} value={draft.currency} onChange={set('currency')}>
                {(currencies.some((c) => c.code === draft.currency)
                  ? currencies
                  : [{ code: draft.currency, nameEn: draft.currency, nameFr: null, nameEs: null }, ...currencies]
                ).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} — {localName(c, lang)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField {...field} field="earmarking" label={t('partners.agreements.fields.earmarking')} problem={errors.problemOf('earmarking')} required>
            {(p) => (
              <select {...p} value={draft.earmarking} onChange={set('earmarking')}>
                {EARMARKING.map((x) => (
                  <option key={x} value={x}>
                    {t(`portfolio.earmarkings.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField {...field} field="fundingSource" label={t('partners.agreements.fields.fundingSource')} problem={errors.problemOf('fundingSource')} required>
            {(p) => (
              <select {...p} value={draft.fundingSource} onChange={set('fundingSource')}>
                {(sources.some((s) => s.code === draft.fundingSource)
                  ? sources
                  : [{ code: draft.fundingSource, nameEn: draft.fundingSource, nameFr: null, nameEs: null }, ...sources]
                ).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {localName(s, lang)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <AmountsByYear form={FORM} rows={draft.amounts} onChange={(amounts) => setDraft((d) => ({ ...d, amounts }))} problemOf={errors.problemOf} currency={draft.currency} />
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
