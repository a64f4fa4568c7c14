import type { Allocation, AllocationSet, ErpLinePage, ExchangeRateList, ExchangeRatesLoad, ExchangeRatesLoaded, ProjectMoney } from '../../shared/contracts/finance.ts';
import type { IndicatorDetail, IndicatorList } from '../../shared/contracts/programming-answers.ts';
import { call, type Query, qs } from './client.ts';

/** A project's money, its ERP lines and results framework; the exchange-rate tables. */
export const moneyApi = {
  projectMoney: (id: string, q: Query = {}) => call<ProjectMoney>('GET', `/api/projects/${id}/finance?${qs(q)}`),
  projectErpLines: (id: string, page: number, pageSize: number) => call<ErpLinePage>('GET', `/api/projects/${id}/erp-lines?${qs({ page, pageSize })}`),
  setAllocation: (id: string, year: number, body: AllocationSet) => call<Allocation>('PUT', `/api/projects/${id}/allocations/${year}`, body),
  exchangeRates: (q: Query) => call<ExchangeRateList>('GET', `/api/exchange-rates?${qs(q)}`),
  loadRates: (body: ExchangeRatesLoad) => call<ExchangeRatesLoaded>('POST', '/api/exchange-rates', body),
  nodeIndicators: (nodeType: string, nodeId: string) => call<IndicatorList>('GET', `/api/indicators?${qs({ nodeType, nodeId })}`),
  indicator: (id: string) => call<IndicatorDetail>('GET', `/api/indicators/${id}`),
};
