import { isoDate } from '../../shared/dates.ts';
import { el, esc, narratives } from './iati-xml.writer.ts';

/** The publishing organisation, from the settings. */
export interface Publisher {
  ref: string;
  name: string;
  type: string;
  defaultSector: string;
  /** what an activity is: a project (the default) or a country programme outcome in a biennium */
  activityUnit: 'project' | 'cpo_biennium';
}

/** Everything one activity file entry says about a project, gathered by iati-export.read.ts. */
export interface ProjectBundle {
  code: string;
  title: string;
  titleFr: string | null;
  titleEs: string | null;
  description: string | null;
  place: 'country' | 'region' | 'global';
  countryCode: string | null;
  regionCode: string | null;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  updatedAt: string;
  markers: { gender: number; standards: number; socialDialogue: number; environment: number };
  partners: { role: string; ref: string | null; name: string; type: string }[];
  sdgTargets: string[];
  budgets: { year: number; amount: string; currency: string }[];
  plannedDisbursements: { year: number; amount: string; currency: string; providerRef: string | null; providerName: string }[];
  /** monthly sums of the ERP lines: kind expenditure, disbursement or commitment, period the first day of the month */
  transactions: { kind: string; period: string; amount: string; currency: string }[];
  /** documents that are not confidential */
  documents: { url: string; format: string; title: string; category: string; language: string; date: string | null }[];
  /** other activities by identifier and RelatedActivityType code */
  related: { ref: string; type: string }[];
  indicators: {
    title: string;
    unit: string;
    baselineValue: string | null;
    baselineDate: string | null;
    periods: { start: string; end: string; target: string | null; actual: string | null }[];
  }[];
}

/** ERP line kinds as IATI TransactionType codes. */
const TRANSACTION_TYPE: Record<string, string> = { commitment: '2', disbursement: '3', expenditure: '4' };
const STATUS: Record<string, string> = { pipeline: '1', appraisal: '1', approved: '1', active: '2', closed: '4' };
const ROLE: Record<string, string> = { funding: '1', accountable: '2', implementing: '4', joint_programme: '4' };
export const ORGANISATION_TYPE: Record<string, string> = {
  government: '10',
  government_agency: '10',
  programme_country: '10',
  south_south: '10',
  eu: '40',
  ifi: '40',
  un_entity: '40',
  pooled_fund: '40',
  private_sector: '70',
  foundation: '60',
  ngo: '21',
  other: '90',
};
/** Markers without a DAC policy-marker code are published in the organisation's own vocabulary (99). */
const OWN_MARKERS = 'https://www.ilo.org/iati/policy-markers';

/** A stored amount (numeric with 4 decimals) as written in IATI: no trailing zeros. */
const amount = (v: string) => esc(v.includes('.') ? v.replace(/\.?0+$/, '') : v);
const lastDays = new Map<string, string>();
/** The last day of the month of a period (YYYY-MM-01), computed once per month. */
const monthEnd = (period: string) => {
  let d = lastDays.get(period);
  if (!d) {
    d = isoDate(new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)));
    lastDays.set(period, d);
  }
  return d;
};
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** The iati-identifier of a project: the publisher's organisation identifier, a hyphen, the project code. */
export const activityIdentifier = (publisher: Publisher, code: string) => `${publisher.ref}-${code.replace(/[/&|?\s]+/g, '-')}`;

/**
 * One project as an IATI 2.03 <iati-activity>, its elements in the order of the schema. Money keeps its
 * currency on every value; transaction dates never lie in the future (`today`). Pure: data in, XML out.
 */
export function buildActivity(p: ProjectBundle, publisher: Publisher, today: string): string {
  const currency = p.budgets[0]?.currency ?? p.transactions[0]?.currency ?? 'USD';
  const org = (role: string) => el('participating-org', { ref: publisher.ref, role, type: publisher.type }, narratives([{ text: publisher.name }]));
  const dates = [
    el('activity-date', { 'iso-date': p.plannedStart, type: '1' }),
    p.actualStart && p.actualStart <= today ? el('activity-date', { 'iso-date': p.actualStart, type: '2' }) : null,
    el('activity-date', { 'iso-date': p.plannedEnd, type: '3' }),
    p.actualEnd && p.actualEnd <= today ? el('activity-date', { 'iso-date': p.actualEnd, type: '4' }) : null,
  ];
  const place =
    p.place === 'country' && p.countryCode
      ? el('recipient-country', { code: p.countryCode, percentage: '100' })
      : el('recipient-region', { code: p.place === 'region' && p.regionCode ? p.regionCode : '998', vocabulary: '1', percentage: '100' });
  const goals = [...new Set(p.sdgTargets.map((t) => t.split('.')[0] as string))];
  const marker = (code: string, significance: number) => el('policy-marker', { vocabulary: '1', code, significance: String(significance) });
  const own = (code: string, name: string, significance: number) =>
    el('policy-marker', { vocabulary: '99', 'vocabulary-uri': OWN_MARKERS, code, significance: String(significance) }, narratives([{ text: name }]));
  const budgets = p.budgets.map((b) => {
    const start = maxDate(`${b.year}-01-01`, p.plannedStart);
    const end = minDate(`${b.year}-12-31`, p.plannedEnd);
    return el(
      'budget',
      { type: '1', status: '2' },
      el('period-start', { 'iso-date': start }),
      el('period-end', { 'iso-date': maxDate(end, start) }),
      el('value', { currency: b.currency, 'value-date': start }, amount(b.amount)),
    );
  });
  const planned = p.plannedDisbursements.map((d) =>
    el(
      'planned-disbursement',
      { type: '1' },
      el('period-start', { 'iso-date': `${d.year}-01-01` }),
      el('period-end', { 'iso-date': `${d.year}-12-31` }),
      el('value', { currency: d.currency, 'value-date': `${d.year}-01-01` }, amount(d.amount)),
      el('provider-org', { ref: d.providerRef }, narratives([{ text: d.providerName }])),
      el('receiver-org', { ref: publisher.ref, 'receiver-activity-id': activityIdentifier(publisher, p.code) }, narratives([{ text: publisher.name }])),
    ),
  );
  // The hottest loop of a large export (a transaction per project and month): written as one template.
  const transactions = p.transactions.map((t) => {
    const date = minDate(monthEnd(t.period), today);
    return `<transaction><transaction-type code="${TRANSACTION_TYPE[t.kind] ?? '4'}"/><transaction-date iso-date="${date}"/><value currency="${esc(t.currency)}" value-date="${date}">${amount(t.amount)}</value></transaction>`;
  });
  const documents = p.documents.map((d) =>
    el(
      'document-link',
      { format: d.format, url: d.url },
      el('title', {}, narratives([{ text: d.title }])),
      el('category', { code: d.category }),
      el('language', { code: d.language }),
      d.date ? el('document-date', { 'iso-date': d.date }) : null,
    ),
  );
  const related = p.related.map((r) => el('related-activity', { ref: r.ref, type: r.type }));
  const results = p.indicators.length
    ? el(
        'result',
        { type: '1', 'aggregation-status': '0' },
        el('title', {}, narratives([{ text: `Results of ${p.code}` }])),
        ...p.indicators.map((i) =>
          el(
            'indicator',
            { measure: '1', ascending: '1' },
            el('title', {}, narratives([{ text: `${i.title} (${i.unit})` }])),
            i.baselineValue !== null ? el('baseline', { year: (i.baselineDate ?? p.plannedStart).slice(0, 4), 'iso-date': i.baselineDate, value: i.baselineValue }) : null,
            ...i.periods.map((q) =>
              el(
                'period',
                {},
                el('period-start', { 'iso-date': q.start }),
                el('period-end', { 'iso-date': q.end }),
                q.target !== null ? el('target', { value: q.target }) : null,
                q.actual !== null ? el('actual', { value: q.actual }) : null,
              ),
            ),
          ),
        ),
      )
    : null;
  return el(
    'iati-activity',
    { 'last-updated-datetime': p.updatedAt.replace(/\.\d+Z$/, 'Z'), 'xml:lang': 'en', 'default-currency': currency, hierarchy: '1' },
    el('iati-identifier', {}, esc(activityIdentifier(publisher, p.code))),
    el('reporting-org', { ref: publisher.ref, type: publisher.type }, narratives([{ text: publisher.name }])),
    el('title', {}, narratives([{ text: p.title }, { lang: 'fr', text: p.titleFr }, { lang: 'es', text: p.titleEs }])),
    el('description', { type: '1' }, narratives([{ text: p.description ?? p.title }])),
    ...p.partners.filter((x) => x.role === 'funding').map((x) => el('participating-org', { ref: x.ref, role: ROLE.funding, type: x.type }, narratives([{ text: x.name }]))),
    org('2'),
    org('3'),
    ...p.partners
      .filter((x) => x.role !== 'funding' && x.role !== 'accountable')
      .map((x) => el('participating-org', { ref: x.ref, role: ROLE[x.role] ?? '4', type: x.type }, narratives([{ text: x.name }]))),
    el('activity-status', { code: STATUS[p.status] ?? '2' }),
    ...dates,
    el('activity-scope', { code: p.place === 'global' ? '1' : p.place === 'region' ? '2' : '4' }),
    place,
    el('sector', { vocabulary: '1', code: publisher.defaultSector, percentage: '100' }),
    ...goals.map((g) => el('tag', { vocabulary: '2', code: g })),
    ...p.sdgTargets.map((t) => el('tag', { vocabulary: '3', code: t })),
    marker('1', p.markers.gender),
    marker('2', p.markers.environment),
    own('ILS', 'International labour standards', p.markers.standards),
    own('SD', 'Social dialogue and tripartism', p.markers.socialDialogue),
    ...budgets,
    ...planned,
    ...transactions,
    ...documents,
    ...related,
    results,
  );
}
