import { useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { identityCodeAttributeNames, identityCodePurposeNames, type IdentityCodeAttribute, type IdentityCodeScanView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/forms/rules';
import { QueryState } from '../../shared/ui/query-state';
import { identityCodeScansQueryKey } from './use-identity-code';

type Page = { items: IdentityCodeScanView[]; total: number };
const PAGE_SIZE = 10;

/** 被扫记录: every scan of the holder's codes — who, why, when, what they asked for and what came of it. */
export function IdentityCodeHistory() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [...identityCodeScansQueryKey, page],
    queryFn: () => api.get<Page>('/api/me/identity-code/scans', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    // A scan at the counter shows up while the holder still has the page open.
    refetchInterval: 15_000,
  });
  const separator = locale === 'zh-CN' ? '、' : ', ';
  const names = (attributes: readonly IdentityCodeAttribute[]) => attributes.map((a) => identityCodeAttributeNames[a][locale]).join(separator);
  const columns: TableProps<IdentityCodeScanView>['columns'] = [
    { title: t('identityCodes.my.history.at'), dataIndex: 'scannedAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('identityCodes.my.history.who'), key: 'who', render: (_v, r) => [r.departmentName, r.scannerName].filter(Boolean).join(' · ') },
    {
      title: t('identityCodes.my.history.purpose'),
      key: 'purpose',
      render: (_v, r) => [identityCodePurposeNames[r.purpose][locale], r.purposeNote].filter(Boolean).join(locale === 'zh-CN' ? ':' : ': '),
    },
    { title: t('identityCodes.my.history.read'), dataIndex: 'attributes', render: (v: IdentityCodeAttribute[]) => names(v) },
    {
      title: t('identityCodes.my.history.result'),
      key: 'result',
      render: (_v, r) =>
        r.result === 'success' ? (
          <Tag color="green">{t('identityCodes.my.history.success')}</Tag>
        ) : (
          <>
            <Tag color="red">{t('identityCodes.my.history.refused', { reason: t(`identityCodes.my.history.reasons.${r.result}`) })}</Tag>
            {r.missingAttributes.length > 0 ? <div className="zt-muted">{t('identityCodes.my.history.missing', { attributes: names(r.missingAttributes) })}</div> : null}
          </>
        ),
    },
  ];
  return (
    <Card title={<h2 style={{ fontSize: '1.2em', margin: 0 }}>{t('identityCodes.my.history.title')}</h2>} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('identityCodes.my.history.intro')}</Typography.Paragraph>
      <QueryState query={query} isEmpty={(d) => d.total === 0} emptyText={t('identityCodes.my.history.empty')}>
        {(data) => (
          <Table<IdentityCodeScanView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching && query.isPlaceholderData}
            scroll={{ x: 820 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
    </Card>
  );
}
