import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DepartmentOption } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { buildTree, type TreeNode } from './tree';

type Option = { value: string; title: string; children?: Option[]; disabled?: boolean };

function toOptions(nodes: TreeNode<DepartmentOption>[], excludeId?: string): Option[] {
  return nodes
    .filter((n) => n.item.id !== excludeId)
    .map((n) => ({
      value: n.item.id,
      title: n.item.name,
      disabled: !n.item.isActive,
      children: n.children.length > 0 ? toOptions(n.children, excludeId) : undefined,
    }));
}

export const departmentOptionsKey = ['departments', 'options'] as const;

export function useDepartmentOptions() {
  return useQuery({
    queryKey: departmentOptionsKey,
    queryFn: () => api.get<{ items: DepartmentOption[] }>('/api/departments/options'),
    staleTime: 60_000,
  });
}

/** Departments of the admin's region as a tree; `excludeId` keeps a department from becoming its own parent. */
export function DepartmentPicker({
  id,
  value,
  onChange,
  excludeId,
  allowClear,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  excludeId?: string;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const options = useDepartmentOptions();
  const treeData = useMemo(
    () => toOptions(buildTree(options.data?.items ?? [], (d) => d.id, (d) => d.parentId), excludeId),
    [options.data, excludeId],
  );
  return (
    <TreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={options.isPending}
      status={options.isError ? 'error' : undefined}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={options.isError ? options.error.message : t('admin.common.chooseDepartment')}
      style={{ width: '100%' }}
    />
  );
}
