import { reasonText, type WarningReason } from '../../shared/warning-reasons.ts';

/** What the early-warning rules look at for one project, as at a day. Amounts are in the reporting currency. */
export interface ProjectFacts {
  projectId: string;
  code: string;
  plannedEnd: string;
  allocation: string;
  expenditure: string;
  commitments: string;
  /** First day of the last month with expenditure, or null. */
  lastExpenditure: string | null;
}

export interface WarningRule {
  code: string;
  name: string;
  kind: 'below_time_curve' | 'no_expenditure' | 'ending_low_delivery' | 'allocation_not_committed';
  params: Record<string, number>;
}

export interface Warning {
  projectId: string;
  code: string;
  rule: string;
  ruleName: string;
  /** why, in English (the watch list and the downloads word `why` in their reader's language) */
  reason: string;
  why: WarningReason;
}

export const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/** The share of the year elapsed on a day, in percent. */
export function yearElapsed(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  const yearStart = Date.parse(`${year}-01-01`);
  return (100 * (Date.parse(asOf) - yearStart)) / (Date.parse(`${year + 1}-01-01`) - yearStart);
}

/**
 * Evaluates the named rules for each project as at a day of the year, each flag saying which project,
 * which rule and why, with the numbers. Pure: the facts are gathered by the caller.
 */
export function evaluateWarnings(facts: ProjectFacts[], rules: WarningRule[], asOf: string): Warning[] {
  const elapsed = yearElapsed(asOf);
  const out: Warning[] = [];
  for (const f of facts) {
    const allocation = Number(f.allocation);
    const delivery = allocation > 0 ? (100 * Number(f.expenditure)) / allocation : null;
    for (const r of rules) {
      const why = check(f, r, delivery, allocation, elapsed, asOf);
      if (why) out.push({ projectId: f.projectId, code: f.code, rule: r.code, ruleName: r.name, reason: reasonText(why), why });
    }
  }
  return out;
}

/** Why the rule flags the project, or null. No closure per call: this runs for every project and rule. */
function check(f: ProjectFacts, r: WarningRule, delivery: number | null, allocation: number, elapsed: number, asOf: string): WarningReason | null {
  const p = r.params;
  if (r.kind === 'below_time_curve' && delivery !== null && elapsed - delivery > (p.points ?? 20)) {
    return { kind: 'below_time_curve', delivery, elapsed, behind: elapsed - delivery, threshold: p.points ?? 20 };
  }
  if (r.kind === 'no_expenditure' && allocation > 0) {
    const silent = f.lastExpenditure ? monthsBetween(f.lastExpenditure, asOf) : null;
    if (silent === null) return { kind: 'no_expenditure_ever' };
    if (silent >= (p.months ?? 3)) return { kind: 'no_expenditure', since: (f.lastExpenditure as string).slice(0, 7), months: silent, threshold: p.months ?? 3 };
  }
  if (r.kind === 'ending_low_delivery' && delivery !== null) {
    const left = monthsBetween(asOf, f.plannedEnd);
    if (left >= 0 && left <= (p.months ?? 6) && delivery < (p.below ?? 70)) return { kind: 'ending_low_delivery', end: f.plannedEnd, months: left, delivery, below: p.below ?? 70 };
  }
  if (r.kind === 'allocation_not_committed' && allocation > 0) {
    const left = 12 - Number(asOf.slice(5, 7));
    const idle = (100 * (allocation - Number(f.expenditure) - Number(f.commitments))) / allocation;
    if (left <= (p.months ?? 3) && idle > (p.share ?? 50)) return { kind: 'allocation_not_committed', idle, left, threshold: p.share ?? 50 };
  }
  return null;
}
