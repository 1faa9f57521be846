import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RegionDetail, RegionView, regionListResult } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { buildTree, type TreeNode } from './tree';

type RegionList = z.infer<typeof regionListResult>;
type Option = { value: string; title: string; isLeaf: boolean; children?: Option[] };

function toOptions(nodes: TreeNode<RegionView>[]): Option[] {
  return nodes.map((n) => ({
    value: n.item.code,
    title: n.item.name,
    isLeaf: !n.item.hasChildren,
    children: n.children.length > 0 ? toOptions(n.children) : undefined,
  }));
}

/** Picks a region below the admin's own, loading deeper levels only when opened (a county has hundreds of villages). */
export function RegionPicker({
  id,
  value,
  onChange,
  rootCode,
  allowClear,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  rootCode: string | null;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const [regions, setRegions] = useState<Map<string, RegionView>>(new Map());
  const top = useQuery({
    queryKey: ['regions', 'picker', rootCode],
    queryFn: () => api.get<RegionList>('/api/regions', rootCode ? { root: rootCode, depth: 2 } : {}),
    staleTime: 5 * 60_000,
  });
  const selected = useQuery({
    queryKey: ['regions', 'detail', value],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${value ?? ''}`),
    enabled: Boolean(value) && !regions.has(value ?? ''),
    staleTime: 5 * 60_000,
  });
  const add = (items: readonly RegionView[]) =>
    setRegions((current) => {
      const next = new Map(current);
      for (const r of items) next.set(r.code, r);
      return next;
    });
  useEffect(() => {
    if (top.data) add(top.data.items);
  }, [top.data]);
  useEffect(() => {
    if (selected.data) add([selected.data]);
  }, [selected.data]);

  const treeData = useMemo(() => toOptions(buildTree([...regions.values()], (r) => r.code, (r) => r.parentCode)), [regions]);
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loading={top.isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('admin.common.chooseRegion')}
      loadData={async (node) => {
        const code = String(node.value);
        const children = await api.get<RegionList>('/api/regions', { parent: code });
        add(children.items);
      }}
      style={{ width: '100%' }}
    />
  );
}
