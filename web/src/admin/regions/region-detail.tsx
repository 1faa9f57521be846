import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regionLevelNames, type RegionDetail } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/forms/rules';
import { QueryState } from '../../shared/ui/query-state';
import { RegionForm } from './region-form';

/** One region: where it sits, and what may be done with it. */
export function RegionDetailPanel({ code, onChanged, onDeleted }: { code: string; onChanged: (parentCode: string | null) => void; onDeleted: (parentCode: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message, modal } = App.useApp();
  const [mode, setMode] = useState<'create' | 'edit'>();
  const detail = useQuery({ queryKey: ['regions', 'detail', code], queryFn: () => api.get<RegionDetail>(`/api/regions/${code}`) });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/regions/${code}`),
    onSuccess: () => {
      void message.success(t('common.states.deleted'));
      onDeleted(detail.data?.parentCode ?? null);
    },
    onError: (error) => void modal.error({ title: t('admin.regions.deleteFailed'), content: error.message }),
  });
  return (
    <Card title={detail.data?.fullName ?? code}>
      <QueryState query={detail}>
        {(r) => (
          <>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'name', label: t('admin.regions.name'), children: r.name },
                { key: 'code', label: t('admin.regions.code'), children: r.code },
                { key: 'level', label: t('admin.regions.level'), children: regionLevelNames[r.level][locale] },
                { key: 'path', label: t('admin.regions.path'), children: r.ancestors.map((a) => a.name).concat(r.name).join(' / ') },
                { key: 'children', label: t('admin.regions.childCount'), children: r.childCount },
                { key: 'sort', label: t('admin.regions.sort'), children: r.sort },
                { key: 'updatedAt', label: t('admin.common.updatedAt'), children: formatDateTime(r.updatedAt) },
              ]}
            />
            <Space wrap style={{ marginTop: 16 }}>
              {r.level !== 'village' ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode('create')}>
                  {t('admin.regions.addChild')}
                </Button>
              ) : null}
              <Button icon={<EditOutlined />} onClick={() => setMode('edit')}>
                {t('common.actions.edit')}
              </Button>
              <Popconfirm
                title={t('admin.regions.deleteConfirm', { name: r.name })}
                okText={t('common.actions.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.actions.cancel')}
                onConfirm={() => remove.mutate()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common.actions.delete')}
                </Button>
              </Popconfirm>
            </Space>
            <RegionForm
              mode={mode}
              region={r}
              onClose={() => setMode(undefined)}
              onSaved={(saved) => {
                setMode(undefined);
                void detail.refetch();
                onChanged(mode === 'create' ? r.code : saved.parentCode);
              }}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
