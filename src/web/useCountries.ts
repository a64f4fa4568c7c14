import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from './api/reference.ts';
import { api } from './api.ts';

let cache: Promise<Country[]> | undefined;

/** Country names in the interface language, from the reference data (fetched once). */
export function useCountries() {
  const { i18n } = useTranslation();
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    cache ??= api.countries().then((r) => r.items);
    cache.then(setCountries).catch(() => setCountries([]));
  }, []);
  const lang = (i18n.language === 'fr' || i18n.language === 'es' ? i18n.language : 'en') as 'en' | 'fr' | 'es';
  const name = (code: string | null) => (code ? (countries.find((c) => c.code === code)?.[`name_${lang}`] ?? code) : '');
  const sorted = [...countries].sort((a, b) => a[`name_${lang}`].localeCompare(b[`name_${lang}`], lang));
  return { countries: sorted, name, lang };
}
