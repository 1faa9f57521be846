import type { ReactNode } from 'react';
import { ApiOutlined, BarChartOutlined, DatabaseOutlined, EyeInvisibleOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@zhengtong/contracts';

export type DataSectionKey = 'dataCatalogue' | 'dataRegistries' | 'dataExchange' | 'openData' | 'dataAggregate' | 'dataMetrics';

export type DataSection = { key: DataSectionKey; path: string; anyOf: readonly Permission[]; icon: ReactNode };

/** The data backbone's entries on the workbench home: each shows to those whose roles carry its permission. */
export const dataSections: readonly DataSection[] = [
  { key: 'dataCatalogue', path: '/workbench/data/resources', anyOf: ['data-resource.manage', 'data-resource.review', 'share-request.create'], icon: <DatabaseOutlined /> },
  { key: 'dataExchange', path: '/workbench/data/share-requests', anyOf: ['share-request.create', 'share-request.review', 'share-request.answer'], icon: <ApiOutlined /> },
  { key: 'dataRegistries', path: '/workbench/data/registries', anyOf: ['registry.read', 'data-dispute.handle'], icon: <TeamOutlined /> },
  { key: 'dataAggregate', path: '/workbench/data/aggregate', anyOf: ['aggregate-query.run', 'share-request.review'], icon: <EyeInvisibleOutlined /> },
  { key: 'openData', path: '/workbench/data/open-data', anyOf: ['open-data.manage'], icon: <GlobalOutlined /> },
  { key: 'dataMetrics', path: '/workbench/data/metrics', anyOf: ['data.metrics'], icon: <BarChartOutlined /> },
];
