import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Guarded } from '../../../app/guarded';

// 可用不可见's staff screen (consumers' queries, the platform's registrations, budgets and log), loaded on demand.
const AggregatePage = lazy(async () => ({ default: (await import('./aggregate-page')).AggregatePage }));

export const routes: RouteObject[] = [
  { path: 'data/aggregate', element: <Guarded anyOf={['aggregate-query.run', 'share-request.review']}><AggregatePage /></Guarded> },
];
