import type { Messages } from '../messages';
import type { dataMetrics as source } from '../zh-CN/data-metrics';

export const dataMetrics: Messages<typeof source> = {
  tile: { title: 'Data metrics', text: 'Demand satisfaction, API call volumes and latency, data quality scores' },
};
