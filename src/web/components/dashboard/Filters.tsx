import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../shared/contracts/offices.ts';
import type { Partner } from '../../../shared/contracts/portfolio.ts';
import type { FundingSource } from '../../../shared/contracts/reference.ts';
import { api } from '../../api.ts';
import { localName, useCountries } from '../../useCountries.ts';
import { useFilters } from './useFilters.ts';

/** Year, months and the filters of every dashboard, written to the URL. */
export function Filters({ months = true }: { months?: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFilters();
  const { countries, countryName, lang } = useCountries();
  const [offices, setOffices] = useState<Office[]>([]);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [sources, setSources] = useState<FundingSource[]>([]);
  useEffect(() => {
    api.offices().then(
      (r) => setOffices(r.items),
      () => setOffices([]),
    );
    api.partners().then(
      (r) => setPartners(r.items),
      () => setPartners([]),
    );
    api.fundingSources().then(
      (r) => setSources(r.items),
      () => setSources([]),
    );
  }, []);
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  const select = (key: string, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={f.params.get(key) ?? ''} onChange={(e) => f.set({ [key]: e.target.value })}>
        <option value="">{t('dash.all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="toolbar filters" aria-label={t('dash.filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('dash.year')}
        <select value={f.year} onChange={(e) => f.set({ year: e.target.value, through: null })}>
          {[f.thisYear - 2, f.thisYear - 1, f.thisYear, f.thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {months && (
        <label>
          {t('dash.through')}
          <select value={f.through} onChange={(e) => f.set({ through: e.target.value })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </label>
      )}
      {select('region', t('dash.region'), [
        ...offices.filter((o) => o.officeType === 'regional_office').map((o) => [o.id, o.name] as [string, string]),
        ['none', t('dash.noRegion')],
      ])}
      {select(
        'country',
        t('dash.country'),
        countries.map((c) => [c.code, countryName(c)]),
      )}
      {select(
        'fundingSource',
        t('dash.fundingSource'),
        sources.map((s) => [s.code, localName(s, lang)]),
      )}
      {select(
        'partner',
        t('dash.partner'),
        partners.map((p) => [p.id, p.name]),
      )}
    </form>
  );
}
