import type { Locale } from './locales.ts';
import type { ProjectStatus } from './project-statuses.ts';

/**
 * The names of the portfolio's groupings, earmarking levels, project stages and watch-list actions in the
 * organisation's three languages: one wording for the screens (web/i18n) and for the dashboards' downloads
 * (server/finance/finance-table-words.ts).
 */
/** The dimensions the delivery views group by, in the order the dashboard offers them (API, screens, downloads). */
export const DELIVERY_GROUPS = ['region', 'office', 'country', 'funding_source', 'partner', 'outcome', 'earmarking'] as const;
export type DeliveryGroup = (typeof DELIVERY_GROUPS)[number];
/** The funding alignment's groupings: its total and three of the delivery ones. */
export const ALIGNMENT_GROUPS = ['total', 'region', 'partner', 'earmarking'] as const satisfies readonly (DeliveryGroup | 'total')[];
export type AlignmentGroup = (typeof ALIGNMENT_GROUPS)[number];
export type FinanceGroup = DeliveryGroup | 'total';
/** How the per-project delivery list can be ordered. */
export const DELIVERY_SORTS = ['code', 'deliveryRate', 'allocation', 'expenditure'] as const;
export type Earmarking = 'unearmarked' | 'softly_earmarked' | 'tightly_earmarked' | 'none';
export type WarningActionStatus = 'acknowledged' | 'action_taken' | 'dismissed';
export interface FinanceLabels {
  groups: Record<FinanceGroup, string>;
  earmarking: Record<Earmarking, string>;
  projectStatus: Record<ProjectStatus, string>;
  actionStatus: Record<WarningActionStatus, string>;
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
    projectStatus: { pipeline: 'Pipeline', appraisal: 'Appraisal', approved: 'Approved', active: 'Active', closed: 'Closed' },
    actionStatus: { acknowledged: 'Acknowledged', action_taken: 'Action taken', dismissed: 'Dismissed' },
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
    projectStatus: { pipeline: 'En préparation', appraisal: 'En évaluation', approved: 'Approuvé', active: 'En cours', closed: 'Clos' },
    actionStatus: { acknowledged: 'Prise en compte', action_taken: 'Mesure prise', dismissed: 'Écartée' },
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
    projectStatus: { pipeline: 'En preparación', appraisal: 'En evaluación', approved: 'Aprobado', active: 'En curso', closed: 'Cerrado' },
    actionStatus: { acknowledged: 'Reconocida', action_taken: 'Medida adoptada', dismissed: 'Descartada' },
  },
};
