import type { Locale } from './roles.ts';

/**
 * The names of the portfolio's groupings and of the earmarking levels in the organisation's three languages:
 * one wording for the dashboards (web/i18n/dash.*.ts) and for their downloads (server/finance/finance-table-words.ts).
 */
export type FinanceGroup = 'region' | 'office' | 'country' | 'funding_source' | 'partner' | 'outcome' | 'earmarking' | 'total';
export type Earmarking = 'unearmarked' | 'softly_earmarked' | 'tightly_earmarked' | 'none';
export interface FinanceLabels {
  groups: Record<FinanceGroup, string>;
  earmarking: Record<Earmarking, string>;
}

export const FINANCE_LABELS: Record<Locale, FinanceLabels> = {
  en: {
    groups: {
      region: 'Region',
      office: 'Office',
      country: 'Country',
      funding_source: 'Funding source',
      partner: 'Funding partner',
      outcome: 'Outcome',
      earmarking: 'Earmarking',
      total: 'Total',
    },
    earmarking: { unearmarked: 'Un-earmarked (core)', softly_earmarked: 'Softly earmarked', tightly_earmarked: 'Tightly earmarked', none: 'No agreement' },
  },
  fr: {
    groups: {
      region: 'Région',
      office: 'Bureau',
      country: 'Pays',
      funding_source: 'Source de financement',
      partner: 'Partenaire financier',
      outcome: 'Résultat',
      earmarking: 'Affectation',
      total: 'Total',
    },
    earmarking: { unearmarked: 'Non affecté (de base)', softly_earmarked: 'Faiblement affecté', tightly_earmarked: 'Strictement affecté', none: 'Sans accord' },
  },
  es: {
    groups: {
      region: 'Región',
      office: 'Oficina',
      country: 'País',
      funding_source: 'Fuente de financiación',
      partner: 'Socio financiador',
      outcome: 'Resultado',
      earmarking: 'Asignación específica',
      total: 'Total',
    },
    earmarking: {
      unearmarked: 'Sin asignación específica (básica)',
      softly_earmarked: 'Con asignación flexible',
      tightly_earmarked: 'Con asignación estricta',
      none: 'Sin acuerdo',
    },
  },
};
