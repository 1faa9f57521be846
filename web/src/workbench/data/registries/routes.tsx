import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Guarded } from '../../../app/guarded';

const RegistriesPage = lazy(async () => ({ default: (await import('./registries-page')).RegistriesPage }));
const SubjectPage = lazy(async () => ({ default: (await import('./subject-page')).SubjectPage }));
const DisputePage = lazy(async () => ({ default: (await import('./dispute-page')).DisputePage }));

/** 人口库/法人库 in the workbench: search, cross-check report, disputes queue; one subject; one dispute. */
export const routes: RouteObject[] = [
  { path: 'data/registries', element: <Guarded anyOf={['registry.read', 'data-dispute.handle']}><RegistriesPage /></Guarded> },
  { path: 'data/registries/:registry/subjects/:id', element: <Guarded anyOf={['registry.read']}><SubjectPage /></Guarded> },
  { path: 'data/registries/disputes/:id', element: <Guarded anyOf={['registry.read', 'data-dispute.handle', 'share-request.create']}><DisputePage /></Guarded> },
];
