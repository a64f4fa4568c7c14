import type { ErpLinePage, ExchangeRateList, ProjectMoney, ProjectMoneyYear } from '../../shared/contracts/finance.ts';
import { presentAllocation } from './finance-imports.presenter.ts';
import type { exchangeRateTable, projectErpLines, projectMoney } from './project-money.queries.ts';
import { presentFlag } from './warnings.presenter.ts';

type Money = Awaited<ReturnType<typeof projectMoney>>;

const presentYear = (r: Money['rows'][number]): ProjectMoneyYear => ({
  year: r.year,
  allocation: r.allocation,
  expenditure: r.expenditure,
  commitment: r.commitment,
  deliveryRate: r.deliveryRate,
  forecast: r.forecast,
  forecastRate: r.forecastRate,
  basis: r.basis,
  problems: r.problems,
});

/** A project's money: its years, totals, allocations as set and flags. */
export const presentProjectMoney = (m: Money): ProjectMoney => ({
  items: m.rows.map(presentYear),
  total: m.rows.length,
  projectId: m.projectId,
  currency: m.currency,
  asOf: m.asOf,
  through: m.through,
  totals: { allocation: m.totals.allocation, expenditure: m.totals.expenditure, commitment: m.totals.commitment, deliveryRate: m.totals.deliveryRate },
  warnings: m.warnings ? m.warnings.map(presentFlag) : null,
  allocations: m.allocations.map(presentAllocation),
});

type Lines = Awaited<ReturnType<typeof projectErpLines>>;

/** A page of a project's ERP lines; `pages` is how many pages of this size there are (at least one). */
export const presentErpLines = (l: Lines): ErpLinePage => ({
  items: l.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    amount: r.amount,
    currency: r.currency,
    sourceRef: r.source_ref,
    importFile: r.file_name,
    importedAt: r.at,
  })),
  total: l.total,
  page: l.page,
  pageSize: l.pageSize,
  pages: Math.max(1, Math.ceil(l.total / l.pageSize)),
});

type Rates = Awaited<ReturnType<typeof exchangeRateTable>>;

export const presentExchangeRates = (r: Rates): ExchangeRateList => ({
  items: r.rows.map((x) => ({ currency: x.currency, month: x.month, perUsd: x.per_usd, source: x.source })),
  total: r.total,
  currencies: r.currencies,
});
