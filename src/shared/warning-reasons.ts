import type { Locale } from './locales.ts';

/**
 * Why an early-warning rule flags a project, as numbers, and the sentence that says it in the organisation's
 * three languages: the server words its API and downloads with it, the watch list words it for its reader.
 */
export type WarningReason =
  | { kind: 'below_time_curve'; delivery: number; elapsed: number; behind: number; threshold: number }
  | { kind: 'no_expenditure_ever' }
  | { kind: 'no_expenditure'; since: string; months: number; threshold: number }
  | { kind: 'ending_low_delivery'; end: string; months: number; delivery: number; below: number }
  | { kind: 'allocation_not_committed'; idle: number; left: number; threshold: number };

/**
 * One number format per language, made once: building an Intl.NumberFormat costs about a tenth of a
 * millisecond, and a watch list of 500 flags words thousands of numbers (made per number, it took 0.6 s).
 */
const formats = new Map<Locale, Intl.NumberFormat>();
const formatOf = (lang: Locale) => {
  const made = formats.get(lang);
  if (made) return made;
  const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false });
  formats.set(lang, f);
  return f;
};
/** A number to one decimal, in the language's notation (74.9, 74,9). */
const num = (lang: Locale, n: number) => formatOf(lang).format(Math.round(n * 10) / 10);
/** A percentage: 74.9% in English, 74,9 % in French and Spanish. */
const pct = (lang: Locale, n: number) => (lang === 'en' ? `${num(lang, n)}%` : `${num(lang, n)} %`);

const plurals = new Map<Locale, Intl.PluralRules>();
/** A number of months in the language's singular or plural (1 month, 2 months; 1 mois; 1 mes, 2 meses). */
const monthsText = (lang: Locale, k: number) => {
  let rules = plurals.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    plurals.set(lang, rules);
  }
  const one = rules.select(k) === 'one';
  return `${k} ${{ en: one ? 'month' : 'months', fr: 'mois', es: one ? 'mes' : 'meses' }[lang]}`;
};

/** Only the language asked for is worded (each number formatted costs; a watch list words thousands). */
export function reasonText(r: WarningReason, lang: Locale = 'en'): string {
  const p = (n: number) => pct(lang, n);
  const n = (x: number) => num(lang, x);
  switch (r.kind) {
    case 'below_time_curve':
      return {
        en: () => `Delivery ${p(r.delivery)} while ${p(r.elapsed)} of the year has elapsed: ${n(r.behind)} points behind (threshold ${n(r.threshold)})`,
        fr: () => `Exécution de ${p(r.delivery)} alors que ${p(r.elapsed)} de l’année est écoulé : ${n(r.behind)} points de retard (seuil ${n(r.threshold)})`,
        es: () => `Ejecución del ${p(r.delivery)} cuando ha transcurrido el ${p(r.elapsed)} del año: ${n(r.behind)} puntos de retraso (umbral ${n(r.threshold)})`,
      }[lang]();
    case 'no_expenditure_ever':
      return { en: 'No expenditure recorded at all', fr: 'Aucune dépense enregistrée', es: 'No se ha registrado ningún gasto' }[lang];
    case 'no_expenditure':
      return {
        en: () => `No expenditure since ${r.since}: ${monthsText(lang, r.months)} (threshold ${n(r.threshold)})`,
        fr: () => `Aucune dépense depuis ${r.since} : ${monthsText(lang, r.months)} (seuil ${n(r.threshold)})`,
        es: () => `Sin gastos desde ${r.since}: ${monthsText(lang, r.months)} (umbral ${n(r.threshold)})`,
      }[lang]();
    case 'ending_low_delivery':
      return {
        en: () => `Ends ${r.end} (${monthsText(lang, r.months)}) with delivery at ${p(r.delivery)}, below ${p(r.below)}`,
        fr: () => `Se termine le ${r.end} (dans ${monthsText(lang, r.months)}) avec une exécution de ${p(r.delivery)}, sous ${p(r.below)}`,
        es: () => `Termina el ${r.end} (en ${monthsText(lang, r.months)}) con una ejecución del ${p(r.delivery)}, por debajo del ${p(r.below)}`,
      }[lang]();
    case 'allocation_not_committed':
      return {
        en: () => `${p(r.idle)} of the allocation is neither spent nor committed with ${monthsText(lang, r.left)} of the year left (threshold ${p(r.threshold)})`,
        fr: () => `${p(r.idle)} de l’allocation n’est ni dépensé ni engagé à ${monthsText(lang, r.left)} de la fin de l’année (seuil ${p(r.threshold)})`,
        es: () => `El ${p(r.idle)} de la asignación no se ha gastado ni comprometido a ${monthsText(lang, r.left)} del fin del año (umbral ${p(r.threshold)})`,
      }[lang]();
  }
}
