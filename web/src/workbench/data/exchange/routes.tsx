import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@zhengtong/contracts';
import { Guarded } from '../../../app/guarded';

// 共享交换's staff screens: one page of tabs and one page per request; loaded on demand.
const ExchangePage = lazy(async () => ({ default: (await import('./exchange-page')).ExchangePage }));
const RequestPage = lazy(async () => ({ default: (await import('./request-page')).RequestPage }));

const exchangePermissions: readonly Permission[] = ['share-request.create', 'share-request.review', 'share-request.answer'];

export const routes: RouteObject[] = [
  { path: 'data/share-requests', element: <Guarded anyOf={exchangePermissions}><ExchangePage /></Guarded> },
  { path: 'data/share-requests/:id', element: <Guarded anyOf={exchangePermissions}><RequestPage /></Guarded> },
];
