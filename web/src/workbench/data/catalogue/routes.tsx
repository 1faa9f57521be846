import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Guarded } from '../../../app/guarded';

// 数据资源目录 (workbench): browse and search for everyone who requests or keeps data; catalogue, import and load
// records for data admins; review and settings for the chief data officer. Pages load on first use.

const ResourcesPage = lazy(() => import('./resources-page').then((m) => ({ default: m.ResourcesPage })));
const ResourcePage = lazy(() => import('./resource-page').then((m) => ({ default: m.ResourcePage })));
const CreateResourcePage = lazy(() => import('./resource-form-page').then((m) => ({ default: m.CreateResourcePage })));
const EditResourcePage = lazy(() => import('./resource-form-page').then((m) => ({ default: m.EditResourcePage })));
const CatalogueImportPage = lazy(() => import('./import-page').then((m) => ({ default: m.CatalogueImportPage })));
const SubLevelsPage = lazy(() => import('./sub-levels-page').then((m) => ({ default: m.SubLevelsPage })));

const browse = ['data-resource.manage', 'data-resource.review', 'share-request.create'] as const;

export const routes: RouteObject[] = [
  { path: 'data/resources', element: <Guarded anyOf={browse}><ResourcesPage /></Guarded> },
  { path: 'data/resources/new', element: <Guarded anyOf={['data-resource.manage']}><CreateResourcePage /></Guarded> },
  { path: 'data/resources/import', element: <Guarded anyOf={['data-resource.manage']}><CatalogueImportPage /></Guarded> },
  { path: 'data/resources/settings', element: <Guarded anyOf={['data-resource.manage', 'data-resource.review']}><SubLevelsPage /></Guarded> },
  { path: 'data/resources/:id', element: <Guarded anyOf={browse}><ResourcePage /></Guarded> },
  { path: 'data/resources/:id/edit', element: <Guarded anyOf={['data-resource.manage']}><EditResourcePage /></Guarded> },
];
