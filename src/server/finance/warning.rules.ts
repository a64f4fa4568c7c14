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

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/**
 * Evaluates the named rules for each project as at a day of the year, each flag saying which project,
 * which rule and why, with the numbers. Pure: the facts are gathered by the caller.
 */
export function evaluateWarnings(facts: ProjectFacts[], rules: WarningRule[], asOf: string): Warning[] {
  const year = asOf.slice(0, 4);
  const yearStart = Date.parse(`${year}-01-01`);
  const elapsed = (100 * (Date.parse(asOf) - yearStart)) / (Date.parse(`${Number(year) + 1}-01-01`) - yearStart);
  const out: Warning[] = [];
  for (const f of facts) {
    const allocation = Number(f.allocation);
    const delivery = allocation > 0 ? (100 * Number(f.expenditure)) / allocation : null;
    for (const r of rules) {
      const flag = (reason: string) => out.push({ projectId: f.projectId, code: f.code, rule: r.code, ruleName: r.name, reason });
      const p = r.params;
      if (r.kind === 'below_time_curve' && delivery !== null && elapsed - delivery > (p.points ?? 20)) {
        flag(`Delivery ${pct(delivery)} while ${pct(elapsed)} of the year has elapsed: ${Math.round((elapsed - delivery) * 10) / 10} points behind (threshold ${p.points})`);
      }
      if (r.kind === 'no_expenditure' && allocation > 0) {
        const silent = f.lastExpenditure ? monthsBetween(f.lastExpenditure, asOf) : null;
        if (silent === null) flag('No expenditure recorded at all');
        else if (silent >= (p.months ?? 3)) flag(`No expenditure since ${f.lastExpenditure?.slice(0, 7)}: ${silent} months (threshold ${p.months})`);
      }
      if (r.kind === 'ending_low_delivery' && delivery !== null) {
        const left = monthsBetween(asOf, f.plannedEnd);
        if (left >= 0 && left <= (p.months ?? 6) && delivery < (p.below ?? 70)) flag(`Ends ${f.plannedEnd} (${left} months) with delivery at ${pct(delivery)}, below ${p.below}%`);
      }
      if (r.kind === 'allocation_not_committed' && allocation > 0) {
        const left = 12 - Number(asOf.slice(5, 7));
        const idle = (100 * (allocation - Number(f.expenditure) - Number(f.commitments))) / allocation;
        if (left <= (p.months ?? 3) && idle > (p.share ?? 50))
          flag(`${pct(idle)} of the allocation is neither spent nor committed with ${left} months of the year left (threshold ${p.share}%)`);
      }
    }
  }
  return out;
}
