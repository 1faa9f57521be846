import { useState } from 'react';
import { Button, Card, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { AuditOutlined, CloudUploadOutlined, DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dataLevels, dataResourceStatuses, openTypes, resourceFormats, shareTypes, catalogueTypes, type DataResourceSummary } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { downloadFile } from '../../../shared/api/client';
import { can } from '../../../shared/permissions';
import { ButtonLink } from '../../../shared/ui/button-link';
import { PageHeader } from '../../../shared/ui/page-header';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { QueryState } from '../../../shared/ui/query-state';
import { cataloguePaths, useResources, type ListQuery } from './api';
import { Facets, type FacetKey } from './facets';
import { LevelTag, OpenTag, ShareTag, StatusTag, useLabels } from './labels';

const PAGE_SIZE = 20;
const facetKeys: FacetKey[] = ['provider', 'theme', 'shareType', 'openType', 'format', 'level', 'catalogueType', 'status'];
const allowed: Partial<Record<FacetKey, readonly string[]>> = { shareType: shareTypes, openType: openTypes, format: resourceFormats, level: dataLevels, catalogueType: catalogueTypes, status: dataResourceStatuses };

/** 数据资源目录: search with facets; the provider's admins catalogue and import, the chief data officer reviews. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { label } = useLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [exportError, setExportError] = useState<unknown>();
  const [isExporting, setExporting] = useState(false);
  const chosen = Object.fromEntries(
    facetKeys.flatMap((k) => {
      const v = params.get(k);
      return v && (!allowed[k] || allowed[k].includes(v)) ? [[k, v]] : [];
    }),
  ) as Partial<Record<FacetKey, string>>;
  const page = Number(params.get('page') ?? '1') || 1;
  const query = { q: q || undefined, ...chosen, page, pageSize: PAGE_SIZE } as ListQuery;
  const list = useResources(query);
  const canManage = can(me, 'data-resource.manage');
  const canReview = can(me, 'data-resource.review');
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const isFiltered = Boolean(q) || Object.keys(chosen).length > 0;
  const exportSheet = async () => {
    setExportError(undefined);
    setExporting(true);
    try {
      await downloadFile(cataloguePaths.export, { q: q || undefined, ...chosen }, 'data-resources.xlsx');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<DataResourceSummary>['columns'] = [
    {
      title: t('dataCatalogue.list.columns.resource'),
      key: 'resource',
      width: 300,
      render: (_v, r) => (
        <>
          <Link to={`/workbench/data/resources/${r.id}`} style={{ fontWeight: 600 }}>
            {r.name}
          </Link>
          <div className="zt-code zt-muted">{r.code}</div>
          {r.summary ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: '0.9em' }}>
              {r.summary}
            </Typography.Paragraph>
          ) : null}
        </>
      ),
    },
    { title: t('dataCatalogue.list.columns.provider'), dataIndex: 'providerName', width: 140 },
    {
      title: t('dataCatalogue.list.columns.grading'),
      key: 'grading',
      width: 180,
      render: (_v, r) => (
        <Space size={[0, 4]} wrap>
          <LevelTag level={r.level} />
          <ShareTag value={r.shareType} />
          <OpenTag value={r.openType} />
        </Space>
      ),
    },
    { title: t('dataCatalogue.list.columns.format'), key: 'format', width: 110, render: (_v, r) => `${label('format', r.format)} · ${label('updateCycle', r.updateCycle)}` },
    {
      title: t('dataCatalogue.list.columns.status'),
      key: 'status',
      width: 130,
      render: (_v, r) => (
        <Space size={[0, 4]} wrap>
          <StatusTag status={r.status} />
          {r.pending && r.publishedVersion !== null ? <Tag color={r.pending.status === 'review' ? 'processing' : 'default'}>{t(`dataCatalogue.list.pending.${r.pending.status}`, { number: r.pending.number })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('dataCatalogue.list.columns.records'), dataIndex: 'recordCount', width: 90, align: 'right', render: (v: number) => v.toLocaleString() },
  ];

  return (
    <>
      <PageHeader
        title={t('dataCatalogue.list.title')}
        description={t('dataCatalogue.list.intro')}
        extra={
          <Space wrap>
            {canReview ? (
              <Button icon={<AuditOutlined />} onClick={() => set({ status: chosen.status === 'review' ? undefined : 'review' })} aria-pressed={chosen.status === 'review'}>
                {t('dataCatalogue.list.reviewQueue')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={() => void exportSheet()} loading={isExporting}>
              {t('dataCatalogue.list.export')}
            </Button>
            {canManage ? (
              <ButtonLink icon={<CloudUploadOutlined />} to="/workbench/data/resources/import">
                {t('dataCatalogue.import.title')}
              </ButtonLink>
            ) : null}
            {canReview ? (
              <ButtonLink icon={<SettingOutlined />} to="/workbench/data/resources/settings">
                {t('dataCatalogue.subLevels.title')}
              </ButtonLink>
            ) : null}
            {canManage ? (
              <ButtonLink type="primary" icon={<PlusOutlined />} to="/workbench/data/resources/new">
                {t('dataCatalogue.list.create')}
              </ButtonLink>
            ) : null}
          </Space>
        }
      />
      {exportError ? <ProblemAlert error={exportError} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          {list.data ? <Facets facets={list.data.facets} chosen={chosen} onChoose={(key, value) => set({ [key]: value })} showStatus={canManage || canReview} /> : null}
        </Col>
        <Col xs={24} lg={18}>
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Input.Search
                aria-label={t('dataCatalogue.list.search')}
                placeholder={t('dataCatalogue.list.searchPlaceholder')}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => set({ q: v.trim() || undefined })}
                allowClear
                enterButton={t('common.actions.search')}
                style={{ width: 440, maxWidth: '100%' }}
              />
              {isFiltered ? (
                <Button
                  onClick={() => {
                    setText('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('dataCatalogue.list.clearFilters')}
                </Button>
              ) : null}
            </Space>
            <QueryState
              query={list}
              isEmpty={(d) => d.total === 0}
              emptyText={isFiltered ? t('dataCatalogue.list.emptyFiltered') : canManage ? t('dataCatalogue.list.emptyManager') : t('dataCatalogue.list.empty')}
            >
              {(data) => (
                <Table<DataResourceSummary>
                  rowKey="id"
                  columns={columns}
                  dataSource={data.items}
                  loading={list.isFetching}
                  scroll={{ x: 950 }}
                  pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: (p) => set({ page: String(p) }), showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}
