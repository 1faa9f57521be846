import type { RouteObject } from 'react-router';
import { routes as catalogueRoutes } from './catalogue/routes';
import { routes as registryRoutes } from './registries/routes';
import { routes as exchangeRoutes } from './exchange/routes';
import { routes as openDataAdminRoutes } from './open-data/routes';
import { routes as aggregateRoutes } from './aggregate/routes';
import { routes as metricsRoutes } from './metrics/routes';

/** The data backbone's staff screens under /workbench (each domain lists its own, paths start with data/). */
export const dataWorkbenchRoutes: RouteObject[] = [...catalogueRoutes, ...registryRoutes, ...exchangeRoutes, ...openDataAdminRoutes, ...aggregateRoutes, ...metricsRoutes];
