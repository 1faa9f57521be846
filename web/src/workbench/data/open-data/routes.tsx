import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Guarded } from '../../../app/guarded';

const OpenDataAdminPage = lazy(async () => ({ default: (await import('./open-data-page')).OpenDataAdminPage }));

/** 数据开放管理 (open-data.manage): datasets, their settings, and the application queue. */
export const routes: RouteObject[] = [
  {
    path: 'data/open-data',
    element: (
      <Guarded anyOf={['open-data.manage']}>
        <OpenDataAdminPage />
      </Guarded>
    ),
  },
];
