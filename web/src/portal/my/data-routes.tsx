import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { FullPageSpin } from '../../auth/require-session';

const MyRegistryPage = lazy(async () => ({ default: (await import('./registry-page')).MyRegistryPage }));

/** The citizen's and enterprise's data pages under /my besides 数据使用记录 (paths relative to /my). */
export const portalDataRoutes: RouteObject[] = [
  {
    path: 'registry',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <MyRegistryPage />
      </Suspense>
    ),
  },
];
