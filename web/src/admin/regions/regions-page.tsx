import { useMemo, useState } from 'react';
import { Card, Col, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { regionLevelNames, type RegionView, type regionListResult } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { ExcelImportExport } from '../shared/excel-import-export';
import { buildTree, type TreeNode } from '../shared/tree';
import { RegionDetailPanel } from './region-detail';

type RegionList = z.infer<typeof regionListResult>;

export const regionsKey = ['regions'] as const;

function toTreeData(nodes: TreeNode<RegionView>[], locale: 'zh-CN' | 'en-US'): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.item.code,
    title: (
      <span>
        {n.item.name} <Typography.Text type="secondary">{n.item.code}</Typography.Text>{' '}
        <Tag style={{ marginInlineStart: 4 }}>{regionLevelNames[n.item.level][locale]}</Tag>
      </span>
    ),
    isLeaf: !n.item.hasChildren,
    children: n.children.length > 0 ? toTreeData(n.children, locale) : undefined,
  }));
}

/** 区划管理: the GB/T 2260 tree under the admin's own region, loaded a level at a time. */
export function RegionsPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<Map<string, RegionView>>(new Map());
  const [selected, setSelected] = useState<string>();
  const [search, setSearch] = useState('');
  const rootQuery = me.regionCode ? { root: me.regionCode, depth: 1 } : {};
  const top = useQuery({
    queryKey: [...regionsKey, 'tree', rootQuery],
    queryFn: async () => {
      const list = await api.get<RegionList>('/api/regions', rootQuery);
      setLoaded(new Map(list.items.map((r) => [r.code, r])));
      return list;
    },
  });
  const found = useQuery({
    queryKey: [...regionsKey, 'search', search],
    queryFn: () => api.get<RegionList>('/api/regions', { q: search }),
    enabled: search.trim().length > 0,
  });
  const addRegions = (items: readonly RegionView[]) =>
    setLoaded((current) => {
      const next = new Map(current);
      for (const r of items) next.set(r.code, r);
      return next;
    });
  const treeData = useMemo(() => toTreeData(buildTree([...loaded.values()], (r) => r.code, (r) => r.parentCode), locale), [loaded, locale]);

  const refresh = async (parentCode: string | null) => {
    await queryClient.invalidateQueries({ queryKey: regionsKey });
    if (parentCode) {
      const children = await api.get<RegionList>('/api/regions', { parent: parentCode });
      setLoaded((current) => {
        const next = new Map([...current].filter(([, r]) => r.parentCode !== parentCode));
        for (const r of children.items) next.set(r.code, r);
        const parent = next.get(parentCode);
        if (parent) next.set(parentCode, { ...parent, hasChildren: children.items.length > 0 });
        return next;
      });
    }
  };

  return (
    <>
      <PageHeader
        title={t('admin.sections.regions.title')}
        description={t('admin.regions.intro')}
        extra={
          <ExcelImportExport
            exportPath="/api/regions/export.xlsx"
            exportQuery={me.regionCode ? { root: me.regionCode } : undefined}
            exportFileName="regions.xlsx"
            importPath="/api/regions/import"
            onImported={() => void top.refetch()}
          />
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title={t('admin.regions.treeTitle')}>
            <Input.Search
              aria-label={t('admin.regions.search')}
              placeholder={t('admin.regions.search')}
              allowClear
              onSearch={setSearch}
              style={{ marginBottom: 12 }}
            />
            {search.trim() ? (
              <QueryState query={found} isEmpty={(d) => d.items.length === 0} emptyText={t('admin.regions.searchEmpty')}>
                {(data) => (
                  <ul style={{ paddingInlineStart: 16 }}>
                    {data.items.map((r) => (
                      <li key={r.code}>
                        <Typography.Link onClick={() => setSelected(r.code)}>{r.fullName}</Typography.Link>{' '}
                        <Typography.Text type="secondary">{r.code}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </QueryState>
            ) : (
              <QueryState query={top} isEmpty={(d) => d.items.length === 0} emptyText={t('admin.regions.empty')}>
                {() => (
                  <Tree
                    treeData={treeData}
                    selectedKeys={selected ? [selected] : []}
                    defaultExpandedKeys={me.regionCode ? [me.regionCode] : []}
                    onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
                    loadData={async (node) => {
                      const children = await api.get<RegionList>('/api/regions', { parent: String(node.key) });
                      addRegions(children.items);
                    }}
                    aria-label={t('admin.regions.treeTitle')}
                  />
                )}
              </QueryState>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          {selected ? (
            <RegionDetailPanel code={selected} onChanged={refresh} onDeleted={(parentCode) => {
              setSelected(parentCode ?? undefined);
              void refresh(parentCode);
            }} />
          ) : (
            <Card>
              <Space orientation="vertical">
                <Typography.Text type="secondary">{t('admin.regions.selectHint')}</Typography.Text>
              </Space>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
