import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RegionDetail, RegionView, regionListResult } from '@zhengtong/contracts';
import { api } from '../api/client';
import { useDebounced } from './use-debounced';

type RegionList = z.infer<typeof regionListResult>;
type Option = { value: string; title: string; isLeaf: boolean; pId: string | null };

/**
 * An address region (省/市/区县/乡镇街道/村社区) from the public region list, loading each level only when opened;
 * typing searches by name. The value is the 12-digit GB/T 2260-style code the form schema asks for.
 */
export function RegionField({ id, value, onChange, disabled, 'aria-required': ariaRequired }: { id?: string; value?: string; onChange?: (value: string | undefined) => void; disabled?: boolean; 'aria-required'?: boolean }) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<Map<string, RegionView>>(new Map());
  const [typed, setTyped] = useState('');
  const words = useDebounced(typed.trim(), 300);
  // Typing searches every level at once (翠湖 finds the street without opening the county first).
  const found = useQuery({ queryKey: ['regions', 'public', 'search', words], queryFn: () => api.get<RegionList>('/api/regions', { q: words }), enabled: words !== '', staleTime: 10 * 60_000 });
  const roots = useQuery({ queryKey: ['regions', 'public', 'roots'], queryFn: () => api.get<RegionList>('/api/regions', { depth: 1 }), staleTime: 10 * 60_000 });
  const selected = useQuery({
    queryKey: ['regions', 'detail', value],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${value ?? ''}`),
    enabled: Boolean(value) && !known.has(value ?? ''),
    staleTime: 10 * 60_000,
  });
  const add = (items: readonly RegionView[]) =>
    setKnown((current) => {
      const next = new Map(current);
      for (const r of items) next.set(r.code, r);
      return next;
    });
  useEffect(() => {
    if (roots.data) add(roots.data.items);
  }, [roots.data]);
  useEffect(() => {
    if (selected.data) add([selected.data]);
  }, [selected.data]);
  useEffect(() => {
    if (found.data) add(found.data.items);
  }, [found.data]);
  const treeData = useMemo<Option[]>(
    () => [...known.values()].map((r) => ({ value: r.code, title: r.fullName || r.name, isLeaf: !r.hasChildren, pId: r.parentCode && known.has(r.parentCode) ? r.parentCode : null })),
    [known],
  );
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeDataSimpleMode={{ id: 'value', pId: 'pId' }}
      treeData={treeData}
      treeNodeLabelProp="title"
      loading={roots.isPending || found.isFetching}
      disabled={disabled}
      allowClear
      aria-required={ariaRequired}
      showSearch={{ treeNodeFilterProp: 'title', onSearch: setTyped }}
      placeholder={t('schemaForm.chooseRegion')}
      loadData={async (node) => {
        const children = await api.get<RegionList>('/api/regions', { parent: String(node.value) });
        add(children.items);
      }}
      style={{ width: '100%' }}
    />
  );
}
