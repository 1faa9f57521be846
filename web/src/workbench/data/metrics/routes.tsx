import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Guarded } from '../../../app/guarded';

const DataMetricsPage = lazy(async () => ({ default: (await import('./metrics-page')).DataMetricsPage }));

export const routes: RouteObject[] = [
  { path: 'data/metrics', element: <Guarded anyOf={['data.metrics']}><DataMetricsPage /></Guarded> },
];
