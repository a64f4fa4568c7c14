import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningRule } from '../../shared/contracts/finance.ts';
import { api } from '../api.ts';
import { Notice } from './Layout.tsx';

/** The early-warning rules as data: thresholds and whether each is active, changed with optimistic concurrency. */
export function RuleEditor() {
  const { t } = useTranslation();
  const [rules, setRules] = useState<WarningRule[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const load = () =>
    api.warningRules().then(
      (r) => setRules(r.items),
      (e) => setMessage({ kind: 'error', text: e.message }),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on mount
  useEffect(() => {
    load();
  }, []);
  async function save(e: FormEvent<HTMLFormElement>, rule: WarningRule) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const params = Object.fromEntries(Object.keys(rule.params).map((k) => [k, Number(form.get(k))]));
    try {
      await api.updateWarningRule(rule.code, { version: rule.version, params, active: form.get('active') === 'on' });
      setMessage({ kind: 'success', text: t('rules.saved', { name: rule.name }) });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
    await load();
  }
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules.title')}</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {rules.map((r) => (
        <form key={`${r.code}-${r.version}`} className="rule" onSubmit={(e) => save(e, r)} aria-label={r.name}>
          <strong>{r.name}</strong>
          {Object.entries(r.params).map(([k, v]) => (
            <label key={k}>
              {t(`rules.params.${k}`)}
              <input name={k} type="number" min={1} max={100} defaultValue={v} required />
            </label>
          ))}
          <label className="inline">
            <input name="active" type="checkbox" defaultChecked={r.active} /> {t('rules.active')}
          </label>
          <button type="submit" className="secondary">
            {t('rules.save')}
          </button>
        </form>
      ))}
    </section>
  );
}
