import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../shared/contracts/reference.ts';
import { api } from './api.ts';

type Lang = 'en' | 'fr' | 'es';

/** A reference entry's name (country, funding source, codelist code) in a language, English where it has none. */
export const localName = (r: { nameEn: string; nameFr: string | null; nameEs: string | null }, lang: string) =>
  (lang === 'fr' ? r.nameFr : lang === 'es' ? r.nameEs : r.nameEn) ?? r.nameEn;

let cache: Promise<Country[]> | undefined;

/** Country names in the interface language, from the reference data (fetched once). */
export function useCountries() {
  const { i18n } = useTranslation();
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    cache ??= api.countries().then((r) => r.items);
    cache.then(setCountries).catch(() => setCountries([]));
  }, []);
  const lang: Lang = i18n.language === 'fr' || i18n.language === 'es' ? i18n.language : 'en';
  const countryName = (c: Country) => localName(c, lang);
  const name = (code: string | null) => {
    if (!code) return '';
    const c = countries.find((x) => x.code === code);
    return c ? countryName(c) : code;
  };
  const sorted = [...countries].sort((a, b) => countryName(a).localeCompare(countryName(b), lang));
  return { countries: sorted, name, countryName, lang };
}
