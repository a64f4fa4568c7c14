import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../standards/load-reference.ts';
import { lineOf, pathOf, xp } from './iati-dom.ts';

/** One thing wrong with a record, where it is, and which rule says so. */
export interface Finding {
  /** the IATI Validator's rule id (ruleset ruleInfo.id; 0.x file-level; 1.1.2 duplicates) or `codelist` */
  rule: string;
  severity: 'critical' | 'error' | 'warning';
  category: string;
  message: string;
  line: number | null;
  /** where in the record: transaction/description */
  path: string;
  /** the codelist, for codelist findings */
  codelist?: string;
  value?: string;
}

interface RuleInfo {
  id: string;
  severity: string;
  category: string;
  message: string;
}
type Case = Record<string, unknown> & { ruleInfo?: RuleInfo };
type Ruleset = Record<string, Record<string, { cases: Case[] }>>;

/** The official IATI 2.03 ruleset (IATI-Rulesets standard.json), shipped in reference/. */
const RULESET = JSON.parse(readFileSync(join(REFERENCE_DIR, 'iati-rulesets', 'standard.json'), 'utf8')) as Ruleset;

export interface RuleContext {
  now: Date;
  /** Registration agency prefixes (OrganisationRegistrationAgency): the ORG-ID-PREFIX set. */
  orgIdPrefixes: readonly string[];
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);
const day = (s: string) => {
  const t = Date.parse(s.trim().slice(0, 10));
  return Number.isNaN(t) ? null : t;
};

/** Exact sum of decimal strings (percentages), as a string compared with the expected total. */
function decimalSumEquals(values: string[], expected: number): boolean {
  const scale = Math.max(0, ...values.map((v) => (v.trim().split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of values) {
    const t = v.trim();
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return false;
    const [int, frac = ''] = t.replace(/^\+/, '').split('.');
    const neg = int?.startsWith('-');
    const units = BigInt((int ?? '0').replace('-', '') || '0') * 10n ** BigInt(scale) + BigInt((frac.padEnd(scale, '0') || '0').slice(0, scale) || '0');
    total += neg ? -units : units;
  }
  return total === BigInt(expected) * 10n ** BigInt(scale);
}

/** Whether the case passes at this context node; else the node to point at (or null for the context). */
function failsAt(kind: string, c: Case, node: Node, ctx: RuleContext): { at: Node } | null {
  const paths = strs(c.paths);
  const nodesOf = () => paths.flatMap((p) => xp.nodes(p, node));
  const valueNodes = () => nodesOf().map((n) => ({ n, v: n.nodeValue ?? n.textContent ?? '' }));
  switch (kind) {
    case 'atleast_one':
      return paths.some((p) => xp.nodes(p, node).length > 0) ? null : { at: node };
    case 'no_more_than_one': {
      const found = nodesOf();
      return found.length > 1 ? { at: found[1] as Node } : null;
    }
    case 'one_or_all': {
      if (xp.nodes(String(c.one), node).length) return null;
      const all = String(c.all);
      const missing =
        all === 'lang'
          ? xp.nodes('.//narrative[not(@xml:lang)]', node)
          : all === 'currency'
            ? xp.nodes('.//value[not(@currency)]', node)
            : all === 'sector'
              ? xp.nodes('transaction[not(sector)]', node)
              : xp.nodes(`.//*[not(@${all})]`, node);
      return missing.length ? { at: missing[0] as Node } : null;
    }
    case 'unique': {
      const seen = new Set<string>();
      for (const { n, v } of valueNodes()) {
        if (seen.has(v.trim())) return { at: n };
        seen.add(v.trim());
      }
      return null;
    }
    case 'startswith': {
      const prefixes = strs(c.prefix).flatMap((p) => (p === 'ORG-ID-PREFIX' ? ctx.orgIdPrefixes : xp.values(p, node)));
      const sep = typeof c.separator === 'string' ? c.separator : '';
      for (const { n, v } of valueNodes()) if (!prefixes.some((p) => p !== '' && v.startsWith(p + sep))) return { at: n };
      return null;
    }
    case 'regex_matches':
    case 'regex_no_matches': {
      const re = new RegExp(String(c.regex));
      for (const { n, v } of valueNodes()) if (re.test(v) !== (kind === 'regex_matches')) return { at: n };
      return null;
    }
    case 'no_spaces':
      for (const { n, v } of valueNodes()) if (/^\s|\s$/.test(v)) return { at: n };
      return null;
    case 'date_now':
      for (const n of xp.nodes(String(c.date), node)) {
        const t = day(n.nodeValue ?? '');
        if (t !== null && t > ctx.now.getTime()) return { at: n };
      }
      return null;
    case 'date_order': {
      const less = xp.nodes(String(c.less), node);
      const more = c.more === 'NOW' ? [ctx.now.getTime()] : xp.values(String(c.more), node).map(day);
      for (const l of less) {
        const t = day(l.nodeValue ?? '');
        if (t !== null && more.some((m) => m !== null && t > m)) return { at: l };
      }
      return null;
    }
    case 'time_limit': {
      const [s] = xp.values(String(c.start), node).map(day);
      const [e] = xp.values(String(c.end), node).map(day);
      if (s === undefined || e === undefined || s === null || e === null) return null;
      const limit = new Date(s);
      limit.setUTCFullYear(limit.getUTCFullYear() + 1);
      return e > limit.getTime() ? { at: node } : null;
    }
    case 'between_dates': {
      const [s] = xp.values(String(c.start), node).map(day);
      const [e] = xp.values(String(c.end), node).map(day);
      if (s == null || e == null) return null;
      for (const n of xp.nodes(String(c.date), node)) {
        const t = day(n.nodeValue ?? '');
        if (t !== null && (t < s || t > e)) return { at: n };
      }
      return null;
    }
    case 'range':
      for (const { n, v } of valueNodes()) {
        const x = Number(v);
        if (v.trim() !== '' && !Number.isNaN(x) && ((c.min !== undefined && x < Number(c.min)) || (c.max !== undefined && x > Number(c.max)))) return { at: n };
      }
      return null;
    case 'strict_sum':
    case 'sum': {
      const found = valueNodes();
      return decimalSumEquals(
        found.map((f) => f.v),
        Number(c.sum),
      )
        ? null
        : { at: found[0]?.n ?? node };
    }
    case 'if_then':
      return xp.bool(String(c.if), node) && !xp.bool(String(c.then), node) ? { at: nodesOf()[0] ?? node } : null;
    default:
      return null;
  }
}

const substitute = (c: Case, subs: string[], value: string): Case => {
  const out: Case = { ...c };
  const literal = value.replace(/'/g, '');
  for (const k of subs) {
    const v = out[k];
    if (typeof v === 'string') out[k] = v.replaceAll('$1', literal);
    else if (Array.isArray(v)) out[k] = v.map((x) => String(x).replaceAll('$1', literal));
  }
  return out;
};

function evaluate(kind: string, cases: Case[], node: Node, ctx: RuleContext, out: Finding[]) {
  for (const c of cases) {
    if (kind === 'loop') {
      const values = [...new Set(xp.values(String(c.foreach), node))];
      for (const v of values)
        for (const [k, inner] of Object.entries(c.do as Record<string, { cases: Case[] }>))
          evaluate(
            k,
            inner.cases.map((x) => substitute(x, strs(c.subs), v)),
            node,
            ctx,
            out,
          );
      continue;
    }
    if (typeof c.condition === 'string' && !xp.bool(c.condition, node)) continue;
    const failed = failsAt(kind, c, node, ctx);
    if (!failed || !c.ruleInfo) continue;
    out.push({
      rule: c.ruleInfo.id,
      severity: c.ruleInfo.severity === 'warning' ? 'warning' : c.ruleInfo.severity === 'critical' ? 'critical' : 'error',
      category: c.ruleInfo.category,
      message: c.ruleInfo.message,
      line: lineOf(failed.at),
      path: pathOf(failed.at),
    });
  }
}

/** Applies the IATI ruleset to one record's document; each finding once per rule and place. */
export function checkRules(doc: Document, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const [context, rules] of Object.entries(RULESET)) {
    for (const node of xp.nodes(context, doc)) for (const [kind, { cases }] of Object.entries(rules)) evaluate(kind, cases, node, ctx, out);
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = `${f.rule}|${f.line}|${f.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
