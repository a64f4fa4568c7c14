import type { RootInfo, XEl } from './iati-xml.reader.ts';

/**
 * One activity of any IATI version (1.0x, 2.01–2.03) mapped to devcoop's model. Pure: an element in,
 * data out, with what was left out and why. Real files are messy: texts with or without <narrative>,
 * 1.0x letter codes, dates as text, values with spaces; what cannot be read is skipped and said.
 */

export interface MappedTransaction {
  seq: number;
  typeCode: string;
  date: string;
  value: string;
  currency: string | null;
  valueDate: string | null;
  providerRef: string | null;
  providerName: string | null;
  providerActivityId: string | null;
  receiverRef: string | null;
  receiverName: string | null;
  receiverActivityId: string | null;
  description: string | null;
}

export interface MappedBudget {
  seq: number;
  typeCode: string | null;
  statusCode: string | null;
  periodStart: string;
  periodEnd: string;
  value: string;
  currency: string | null;
  valueDate: string | null;
}

export interface MappedActivity {
  identifier: string;
  line: number;
  reportingOrgRef: string | null;
  reportingOrgName: string | null;
  version: string | null;
  title: string | null;
  description: string | null;
  statusCode: string | null;
  defaultCurrency: string | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedEnd: string | null;
  actualEnd: string | null;
  lastUpdated: string | null;
  countries: { code: string; percentage: string | null }[];
  regions: { code: string; vocabulary: string | null; percentage: string | null }[];
  sectors: { code: string; vocabulary: string | null; percentage: string | null }[];
  participatingOrgs: { ref: string | null; name: string | null; role: string | null; type: string | null }[];
  transactions: MappedTransaction[];
  budgets: MappedBudget[];
  /** the title in each language given (the file's default language as lang null) */
  titles: { lang: string | null; text: string }[];
  tags: { vocabulary: string | null; code: string }[];
  policyMarkers: { vocabulary: string | null; code: string; significance: string | null }[];
  indicators: MappedIndicator[];
  documents: MappedDocument[];
  /** related-activity: the other activity's identifier and RelatedActivityType code */
  related: { ref: string; type: string }[];
}

export interface MappedDocument {
  url: string;
  format: string | null;
  title: string | null;
  categories: string[];
  languages: string[];
  date: string | null;
}

export interface MappedIndicator {
  title: string;
  baseline: { value: string | null; date: string | null } | null;
  periods: { start: string; end: string; target: string | null; actual: string | null }[];
}

export interface Skipped {
  what: 'activity' | 'transaction' | 'budget';
  line: number;
  reason: string;
}

const kids = (el: XEl | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
const kid = (el: XEl | undefined, name: string) => el?.children.find((c) => c.name === name);
const clean = (s: string | undefined | null) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** The text of an element: its English (or first) narrative in 2.x, its own text in 1.0x. */
export function textOf(el: XEl | undefined): string | null {
  if (!el) return null;
  const narratives = kids(el, 'narrative');
  if (narratives.length) return clean((narratives.find((n) => (n.attrs['xml:lang'] ?? 'en').toLowerCase().startsWith('en')) ?? narratives[0])?.text);
  return clean(el.text);
}

/** A calendar date (YYYY-MM-DD, a datetime cut to its day), or null when it is not one. */
export function dateOf(s: string | undefined | null): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A decimal amount as a string (spaces and a leading + dropped), or null; at most 4 decimals kept. */
export function amountOf(s: string | undefined | null): string | null {
  const t = (s ?? '').replace(/[\s\u00a0]/g, '').replace(/^\+/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t) || t.replace(/^-/, '').split('.')[0]!.length > 20) return null;
  const [int, frac = ''] = t.split('.');
  return frac ? `${int || '0'}.${frac.slice(0, 4)}` : (int as string);
}

// 1.0x transaction types were letters; 2.x numbers them.
const TRANSACTION_TYPES: Record<string, string> = { IF: '1', C: '2', D: '3', E: '4', IR: '5', LR: '6', R: '7', QP: '8', QS: '9', CG: '10' };
const DATE_TYPES: Record<string, keyof Pick<MappedActivity, 'plannedStart' | 'actualStart' | 'plannedEnd' | 'actualEnd'>> = {
  '1': 'plannedStart',
  'start-planned': 'plannedStart',
  '2': 'actualStart',
  'start-actual': 'actualStart',
  '3': 'plannedEnd',
  'end-planned': 'plannedEnd',
  '4': 'actualEnd',
  'end-actual': 'actualEnd',
};
const ROLES: Record<string, string> = { funding: '1', accountable: '2', extending: '3', implementing: '4' };
const SECTOR_VOCABULARIES: Record<string, string> = { DAC: '1', 'DAC-3': '2' };

function org(el: XEl | undefined) {
  return { ref: clean(el?.attrs.ref), name: textOf(el) };
}

/** The version an activity was written in: its own (aggregators add it per activity), else the file's. */
export function versionOf(el: XEl, root: RootInfo): string | null {
  const a = el.attrs;
  return clean(a['iati-activities:version'] ?? a['iati-extra:version'] ?? a.version ?? root.attrs.version);
}

export function mapActivity(el: XEl, root: RootInfo): { activity: MappedActivity | null; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const identifier = clean(kid(el, 'iati-identifier')?.text);
  if (!identifier) return { activity: null, skipped: [{ what: 'activity', line: el.line, reason: 'it has no iati-identifier' }] };
  if (identifier.length > 400) return { activity: null, skipped: [{ what: 'activity', line: el.line, reason: 'its iati-identifier is longer than 400 characters' }] };
  const defaultCurrency = clean(el.attrs['default-currency']);
  const reporting = org(kid(el, 'reporting-org'));
  const a: MappedActivity = {
    identifier,
    line: el.line,
    reportingOrgRef: reporting.ref,
    reportingOrgName: reporting.name,
    version: versionOf(el, root),
    title: textOf(kid(el, 'title')),
    description: textOf(kid(el, 'description')),
    statusCode: clean(kid(el, 'activity-status')?.attrs.code),
    defaultCurrency,
    plannedStart: null,
    actualStart: null,
    plannedEnd: null,
    actualEnd: null,
    lastUpdated: clean(el.attrs['last-updated-datetime']),
    countries: kids(el, 'recipient-country').flatMap((c) =>
      clean(c.attrs.code) ? [{ code: (clean(c.attrs.code) as string).toUpperCase(), percentage: amountOf(c.attrs.percentage) }] : [],
    ),
    regions: kids(el, 'recipient-region').flatMap((c) =>
      clean(c.attrs.code) ? [{ code: clean(c.attrs.code) as string, vocabulary: clean(c.attrs.vocabulary), percentage: amountOf(c.attrs.percentage) }] : [],
    ),
    sectors: kids(el, 'sector').flatMap((c) => {
      const code = clean(c.attrs.code);
      const v = clean(c.attrs.vocabulary);
      return code ? [{ code, vocabulary: v ? (SECTOR_VOCABULARIES[v] ?? v) : null, percentage: amountOf(c.attrs.percentage) }] : [];
    }),
    participatingOrgs: kids(el, 'participating-org').map((p) => {
      const role = clean(p.attrs.role);
      return { ...org(p), role: role ? (ROLES[role.toLowerCase()] ?? role) : null, type: clean(p.attrs.type) };
    }),
    transactions: [],
    budgets: [],
    titles: kids(kid(el, 'title'), 'narrative').flatMap((n) => (clean(n.text) ? [{ lang: clean(n.attrs['xml:lang']), text: clean(n.text) as string }] : [])),
    tags: kids(el, 'tag').flatMap((t) => (clean(t.attrs.code) ? [{ vocabulary: clean(t.attrs.vocabulary), code: clean(t.attrs.code) as string }] : [])),
    policyMarkers: kids(el, 'policy-marker').flatMap((m) =>
      clean(m.attrs.code) ? [{ vocabulary: clean(m.attrs.vocabulary), code: clean(m.attrs.code) as string, significance: clean(m.attrs.significance) }] : [],
    ),
    indicators: kids(el, 'result').flatMap((r) =>
      kids(r, 'indicator').flatMap((i) => {
        const title = textOf(kid(i, 'title'));
        if (!title) return [];
        const b = kid(i, 'baseline');
        return [
          {
            title,
            baseline: b ? { value: amountOf(b.attrs.value), date: dateOf(b.attrs['iso-date']) } : null,
            periods: kids(i, 'period').flatMap((p) => {
              const start = dateOf(kid(p, 'period-start')?.attrs['iso-date']);
              const end = dateOf(kid(p, 'period-end')?.attrs['iso-date']);
              return start && end ? [{ start, end, target: amountOf(kid(p, 'target')?.attrs.value), actual: amountOf(kid(p, 'actual')?.attrs.value) }] : [];
            }),
          },
        ];
      }),
    ),
    documents: kids(el, 'document-link').flatMap((d) => {
      const url = clean(d.attrs.url);
      if (!url) return [];
      return [
        {
          url,
          format: clean(d.attrs.format),
          title: textOf(kid(d, 'title')),
          categories: kids(d, 'category').flatMap((c) => (clean(c.attrs.code) ? [clean(c.attrs.code) as string] : [])),
          languages: kids(d, 'language').flatMap((c) => (clean(c.attrs.code) ? [(clean(c.attrs.code) as string).toLowerCase()] : [])),
          date: dateOf(kid(d, 'document-date')?.attrs['iso-date']),
        },
      ];
    }),
    related: kids(el, 'related-activity').flatMap((r) => {
      const ref = clean(r.attrs.ref);
      const type = clean(r.attrs.type);
      return ref && type ? [{ ref, type }] : [];
    }),
  };
  for (const d of kids(el, 'activity-date')) {
    const field = DATE_TYPES[clean(d.attrs.type) ?? ''];
    const date = dateOf(d.attrs['iso-date']) ?? dateOf(d.text);
    if (field && date && !a[field]) a[field] = date;
  }
  kids(el, 'transaction').forEach((t, i) => {
    const rawType = clean(kid(t, 'transaction-type')?.attrs.code);
    const typeCode = rawType ? (TRANSACTION_TYPES[rawType.toUpperCase()] ?? rawType) : null;
    const valueEl = kid(t, 'value');
    const value = amountOf(valueEl?.text);
    const valueDate = dateOf(valueEl?.attrs['value-date']);
    const dateEl = kid(t, 'transaction-date');
    const date = dateOf(dateEl?.attrs['iso-date']) ?? dateOf(dateEl?.text) ?? valueDate;
    const reason = !typeCode ? 'it has no transaction-type' : value === null ? `its value "${clean(valueEl?.text) ?? ''}" is not a number` : !date ? 'it has no date' : null;
    if (reason) {
      skipped.push({ what: 'transaction', line: t.line, reason });
      return;
    }
    const provider = kid(t, 'provider-org');
    const receiver = kid(t, 'receiver-org');
    a.transactions.push({
      seq: i + 1,
      typeCode: typeCode as string,
      date: date as string,
      value: value as string,
      currency: clean(valueEl?.attrs.currency) ?? defaultCurrency,
      valueDate,
      providerRef: org(provider).ref,
      providerName: org(provider).name,
      providerActivityId: clean(provider?.attrs['provider-activity-id']),
      receiverRef: org(receiver).ref,
      receiverName: org(receiver).name,
      receiverActivityId: clean(receiver?.attrs['receiver-activity-id']),
      description: textOf(kid(t, 'description')),
    });
  });
  kids(el, 'budget').forEach((b, i) => {
    const valueEl = kid(b, 'value');
    const value = amountOf(valueEl?.text);
    const start = dateOf(kid(b, 'period-start')?.attrs['iso-date']);
    const end = dateOf(kid(b, 'period-end')?.attrs['iso-date']);
    if (value === null || !start || !end) {
      skipped.push({ what: 'budget', line: b.line, reason: value === null ? 'its value is not a number' : 'its period has no start or end date' });
      return;
    }
    a.budgets.push({
      seq: i + 1,
      typeCode: clean(b.attrs.type),
      statusCode: clean(b.attrs.status),
      periodStart: start,
      periodEnd: end,
      value,
      currency: clean(valueEl?.attrs.currency) ?? defaultCurrency,
      valueDate: dateOf(valueEl?.attrs['value-date']),
    });
  });
  return { activity: a, skipped };
}
