import type { PortfolioSummary } from '../../shared/contracts/finance.ts';
import type { portfolioSummary } from './portfolio-summary.queries.ts';

export const presentPortfolioSummary = (s: Awaited<ReturnType<typeof portfolioSummary>>): PortfolioSummary => ({
  currency: s.currency,
  year: s.year,
  byStatus: s.byStatus.map((r) => ({ status: r.status, projects: r.projects, allocation: r.allocation, weighted: r.weighted })),
  byCountry: s.byCountry.map((c) => ({
    code: c.code,
    name: c.name,
    projects: c.projects,
    allocation: c.allocation,
    expenditure: c.expenditure,
    deliveryRate: c.deliveryRate,
    numeric: c.numeric,
  })),
  bySource: s.bySource.map((r) => ({ code: r.code, name: r.name, projects: r.projects, allocation: r.allocation })),
});
