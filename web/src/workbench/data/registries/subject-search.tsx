import { useState } from 'react';
import { Button, Checkbox, Input, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistryKind, RegistrySubjectSummary } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { formatDateTime } from '../../../shared/format';
import { can } from '../../../shared/permissions';
import { ButtonLink } from '../../../shared/ui/button-link';
import { QueryState } from '../../../shared/ui/query-state';
import { useSubjects } from '../../../portal/my/registry-api';
import { UploadDrawer } from './upload-drawer';

const PAGE_SIZE = 20;

export const subjectPath = (registry: RegistryKind, id: string) => `/workbench/data/registries/${registry}/subjects/${id}`;

/** Subjects of one registry: found by their exact 身份证号 / 统一社会信用代码, or browsed newest change first. */
export function SubjectSearch({ registry }: { registry: RegistryKind }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [text, setText] = useState('');
  const [key, setKey] = useState<string>();
  const [hasConflicts, setHasConflicts] = useState(false);
  const [page, setPage] = useState(1);
  const [isUploading, setUploading] = useState(false);
  const list = useSubjects(registry, { key, hasConflicts: hasConflicts || undefined, page, pageSize: PAGE_SIZE });
  const columns: TableProps<RegistrySubjectSummary>['columns'] = [
    {
      title: t('dataRegistries.subjects.columns.key'),
      dataIndex: 'key',
      width: 220,
      render: (v: string, s) => (
        <Link to={subjectPath(registry, s.id)} className="zt-code">
          {v}
        </Link>
      ),
    },
    { title: t('dataRegistries.subjects.columns.name'), dataIndex: 'name', width: 220, render: (v: string | null) => v ?? '—' },
    { title: t('dataRegistries.subjects.columns.sources'), dataIndex: 'sources', width: 90 },
    { title: t('dataRegistries.subjects.columns.conflicts'), dataIndex: 'openConflicts', width: 110, render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : v) },
    { title: t('dataRegistries.subjects.columns.disputes'), dataIndex: 'openDisputes', width: 110, render: (v: number) => (v > 0 ? <Tag color="processing">{v}</Tag> : v) },
    {
      title: t('dataRegistries.subjects.columns.recorded'),
      dataIndex: 'recordWrittenAt',
      width: 110,
      render: (v: string | null) => (v ? <Tag color="success">{t('dataRegistries.subjects.recorded')}</Tag> : <Tag>{t('dataRegistries.subjects.notRecorded')}</Tag>),
    },
    { title: t('dataRegistries.subjects.columns.changedAt'), dataIndex: 'changedAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, s) => (
        <ButtonLink size="small" to={subjectPath(registry, s.id)} aria-label={t('dataRegistries.subjects.openNamed', { name: s.name ?? s.key })}>
          {t('dataRegistries.subjects.open')}
        </ButtonLink>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Input.Search
          aria-label={t('dataRegistries.subjects.searchLabel')}
          placeholder={t(`dataRegistries.subjects.searchPlaceholder.${registry}`)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setKey(v.trim() || undefined);
            setPage(1);
          }}
          allowClear
          enterButton={t('common.actions.search')}
          style={{ width: 420, maxWidth: '100%' }}
        />
        <Checkbox
          checked={hasConflicts}
          onChange={(e) => {
            setHasConflicts(e.target.checked);
            setPage(1);
          }}
        >
          {t('dataRegistries.subjects.conflictsOnly')}
        </Checkbox>
        {can(me, 'data-resource.manage') ? (
          <Button icon={<CloudUploadOutlined />} onClick={() => setUploading(true)}>
            {t('dataRegistries.subjects.upload')}
          </Button>
        ) : null}
      </Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={key ? t('dataRegistries.subjects.emptySearch') : t('dataRegistries.subjects.empty')}>
        {(data) => (
          <Table<RegistrySubjectSummary>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
      <UploadDrawer registry={registry} open={isUploading} onClose={() => setUploading(false)} />
    </>
  );
}
