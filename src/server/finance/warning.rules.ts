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
  reason: string;
}

export const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

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
      const reason = check(f, r, delivery, allocation, elapsed, asOf);
      if (reason) out.push({ projectId: f.projectId, code: f.code, rule: r.code, ruleName: r.name, reason });
    }
  }
  return out;
}

/** Why the rule flags the project, or null. No closure per call: this runs for every project and rule. */
function check(f: ProjectFacts, r: WarningRule, delivery: number | null, allocation: number, elapsed: number, asOf: string): string | null {
  const p = r.params;
  if (r.kind === 'below_time_curve' && delivery !== null && elapsed - delivery > (p.points ?? 20)) {
    return `Delivery ${pct(delivery)} while ${pct(elapsed)} of the year has elapsed: ${Math.round((elapsed - delivery) * 10) / 10} points behind (threshold ${p.points})`;
  }
  if (r.kind === 'no_expenditure' && allocation > 0) {
    const silent = f.lastExpenditure ? monthsBetween(f.lastExpenditure, asOf) : null;
    if (silent === null) return 'No expenditure recorded at all';
    if (silent >= (p.months ?? 3)) return `No expenditure since ${f.lastExpenditure?.slice(0, 7)}: ${silent} months (threshold ${p.months})`;
  }
  if (r.kind === 'ending_low_delivery' && delivery !== null) {
    const left = monthsBetween(asOf, f.plannedEnd);
    if (left >= 0 && left <= (p.months ?? 6) && delivery < (p.below ?? 70)) return `Ends ${f.plannedEnd} (${left} months) with delivery at ${pct(delivery)}, below ${p.below}%`;
  }
  if (r.kind === 'allocation_not_committed' && allocation > 0) {
    const left = 12 - Number(asOf.slice(5, 7));
    const idle = (100 * (allocation - Number(f.expenditure) - Number(f.commitments))) / allocation;
    if (left <= (p.months ?? 3) && idle > (p.share ?? 50))
      return `${pct(idle)} of the allocation is neither spent nor committed with ${left} months of the year left (threshold ${p.share}%)`;
  }
  return null;
}
