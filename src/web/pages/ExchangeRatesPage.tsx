import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRateList } from '../../shared/contracts/finance.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api.ts';
import { Notice } from '../components/Layout.tsx';
import { Pager } from '../components/Pager.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useSession } from '../session.tsx';

const PAGE_SIZE = 24;

interface RateRow {
  currency: string;
  month: string;
  perUsd: string;
}

/** Reads a CSV of rates (currency, month, perUsd); problems are named by line, in the reader's language. */
function parseRates(text: string, t: (k: string, o?: Record<string, unknown>) => string): { rates: RateRow[]; problems: string[] } {
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  if (head.join(',') !== 'currency,month,perusd') return { rates: [], problems: [t('money.rates.badHeader')] };
  const rates: RateRow[] = [];
  const problems: string[] = [];
  for (const [i, raw] of lines.slice(1).entries()) {
    if (!raw.trim()) continue;
    const cells = raw.split(',').map((c) => c.trim());
    const line = i + 2;
    const [currency = '', month = '', perUsd = ''] = cells;
    if (cells.length !== 3) problems.push(t('money.rates.badLine', { line, message: t('money.rates.badCells') }));
    else if (!/^\d{4}-\d{2}$/.test(month)) problems.push(t('money.rates.badLine', { line, message: t('money.rates.badMonth') }));
    else rates.push({ currency: currency.toUpperCase(), month: `${month}-01`, perUsd });
  }
  if (!rates.length && !problems.length) problems.push(t('money.rates.noRows'));
  return { rates, problems };
}

/** The monthly exchange rates every amount is converted with: the table, and loading a file of them on demand. */
export function ExchangeRatesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const uid = useId();
  const [currency, setCurrency] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ExchangeRateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [problems, setProblems] = useState<{ field: 'file' | 'source'; message: string }[]>([]);
  const [done, setDone] = useState<{ inserted: number; updated: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api
      .exchangeRates({ currency, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [currency, page]);
  useEffect(load, [load]);
  const month = (iso: string) => new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const rate = (v: string) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 8 }).format(Number(v));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    const source = String(form.get('source') ?? '').trim();
    const found: typeof problems = [];
    if (!source) found.push({ field: 'source', message: t('money.rates.sourceMissing') });
    if (!(file instanceof File) || file.size === 0) found.push({ field: 'file', message: t('money.rates.fileMissing') });
    if (found.length) return setProblems(found);
    const parsed = parseRates(await (file as File).text(), t);
    if (parsed.problems.length) return setProblems(parsed.problems.map((message) => ({ field: 'file', message })));
    setBusy(true);
    try {
      const loaded = await api.loadRates({ source, rates: parsed.rates });
      setProblems([]);
      setOpen(false);
      setDone(loaded);
      setPage(1);
      load();
    } catch (err) {
      // The server names a refused rate as rates.N.field: N is the file's line N + 2.
      const field = err instanceof ApiError ? (err.details?.field ?? err.details?.issues?.[0]?.field) : undefined;
      const n = field?.match(/^rates\.(\d+)/)?.[1];
      const message = (err as Error).message;
      setProblems([{ field: field === 'source' ? 'source' : 'file', message: n !== undefined ? t('money.rates.badLine', { line: Number(n) + 2, message }) : message }]);
    } finally {
      setBusy(false);
    }
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const problemOf = (field: 'file' | 'source') => problems.filter((p) => p.field === field);
  return (
    <section aria-labelledby="rates-title">
      <h1 id="rates-title">{t('money.rates.title')}</h1>
      <p className="muted">{t('money.rates.intro')}</p>
      {done && <Notice kind="success">{t('money.rates.loaded', done)}</Notice>}
      {can('partners.write') &&
        (open ? (
          <form className="quick-form" onSubmit={submit} aria-labelledby={`${uid}-legend`} noValidate>
            <fieldset disabled={busy}>
              <legend id={`${uid}-legend`}>{t('money.rates.loadTitle')}</legend>
              <p className="muted small">{t('money.rates.loadIntro')}</p>
              {problems.length > 0 && (
                <div className="notice error" role="alert">
                  <ul>
                    {problems.map((p) => (
                      <li key={p.message}>
                        <a href={`#${uid}-${p.field}`}>{p.message}</a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {(['source', 'file'] as const).map((name) => (
                <div key={name} className={`field${problemOf(name).length ? ' invalid' : ''}`}>
                  <label htmlFor={`${uid}-${name}`}>{name === 'file' ? t('money.rates.file') : t('money.rates.sourceName')}</label>
                  <input
                    id={`${uid}-${name}`}
                    name={name}
                    type={name === 'file' ? 'file' : 'text'}
                    accept={name === 'file' ? '.csv,text/csv' : undefined}
                    maxLength={name === 'source' ? 200 : undefined}
                    aria-invalid={problemOf(name).length ? true : undefined}
                    aria-describedby={name === 'source' ? `${uid}-source-hint` : undefined}
                  />
                  {name === 'source' && (
                    <span className="muted small" id={`${uid}-source-hint`}>
                      {t('money.rates.sourceHint')}
                    </span>
                  )}
                </div>
              ))}
              <div className="form-actions">
                <button type="submit">{t('money.rates.submit')}</button>
                <button type="button" className="link" onClick={() => setOpen(false)}>
                  {t('money.cancel')}
                </button>
              </div>
            </fieldset>
          </form>
        ) : (
          <p>
            <button type="button" className="secondary" onClick={() => setOpen(true)}>
              {t('money.rates.load')}
            </button>
          </p>
        ))}
      {error && <Notice kind="error">{error}</Notice>}
      {data && (
        <>
          <div className="field inline">
            <label htmlFor={`${uid}-currency`}>{t('money.rates.filter')}</label>
            <select
              id={`${uid}-currency`}
              value={currency}
              onChange={(e) => {
                setCurrency(e.target.value);
                setPage(1);
              }}
            >
              <option value="">{t('money.rates.allCurrencies')}</option>
              {data.currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <span className="muted small">{t('money.rates.count', { count: data.total })}</span>
          </div>
          {data.total === 0 ? (
            <p>{t('money.rates.none')}</p>
          ) : (
            <>
              <ScrollRegion label={t('money.rates.caption')}>
                <table className="data">
                  <caption className="visually-hidden">{t('money.rates.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('money.rates.month')}</th>
                      <th scope="col">{t('money.rates.currency')}</th>
                      <th scope="col" className="num">
                        {t('money.rates.perUsd')}
                      </th>
                      <th scope="col">{t('money.rates.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={`${r.month}-${r.currency}`}>
                        <td>
                          <time dateTime={r.month.slice(0, 7)}>{month(r.month)}</time>
                        </td>
                        <td>{r.currency}</td>
                        <td className="num">{rate(r.perUsd)}</td>
                        <td className="small">{r.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <Pager page={page} pages={pages} onPage={setPage} label={t('money.rates.title')} />
            </>
          )}
        </>
      )}
    </section>
  );
}
