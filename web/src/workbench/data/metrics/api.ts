import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DataQualityReport, DemandSatisfaction, ExchangeStatistics } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';

export type MetricsPeriod = { from: string; to: string };

// The metrics page reads what the exchange and the catalogue already serve, each scoped on the server (a
// department's data admin sees their own resources; the chief data officer the region's).
export function useExchangeStatistics(period: MetricsPeriod) {
  return useQuery({ queryKey: ['data-metrics', 'exchange', period], queryFn: () => api.get<ExchangeStatistics>('/api/exchange-statistics', period), placeholderData: keepPreviousData });
}

export function useDemandSatisfaction(period: MetricsPeriod) {
  return useQuery({ queryKey: ['data-metrics', 'demands', period], queryFn: () => api.get<DemandSatisfaction>('/api/exchange-statistics/demands', period), placeholderData: keepPreviousData });
}

export function useDataQuality() {
  return useQuery({ queryKey: ['data-metrics', 'quality'], queryFn: () => api.get<DataQualityReport>('/api/data-quality') });
}
