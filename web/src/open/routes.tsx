import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { FullPageSpin, RequireSession } from '../auth/require-session';

// 数据开放 public pages under the portal layout (paths start with open). They load on demand: most visitors of the
// portal never open them. Browsing and downloading need no account; keys and applications need a person's or an
// enterprise's.

const OpenHomePage = lazy(async () => ({ default: (await import('./open-home-page')).OpenHomePage }));
const DatasetPage = lazy(async () => ({ default: (await import('./dataset-page')).DatasetPage }));
const ApplyPage = lazy(async () => ({ default: (await import('./apply-page')).ApplyPage }));
const DeveloperPage = lazy(async () => ({ default: (await import('./developer-page')).DeveloperPage }));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

function Developer({ children }: { children: ReactNode }) {
  return (
    <RequireSession accountTypes={['citizen', 'enterprise']}>
      <Page>{children}</Page>
    </RequireSession>
  );
}

export const openDataRoutes: RouteObject[] = [
  { path: 'open', element: <Page><OpenHomePage /></Page> },
  { path: 'open/datasets/:code', element: <Page><DatasetPage /></Page> },
  { path: 'open/datasets/:code/apply', element: <Developer><ApplyPage /></Developer> },
  { path: 'open/developer', element: <Developer><DeveloperPage /></Developer> },
];
