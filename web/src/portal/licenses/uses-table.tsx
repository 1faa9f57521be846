import { Table } from 'antd';
import type { TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { licenseUseBasisNames, type LicenseUseView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/ui/query-state';
import type { Page } from './api';

/** 使用记录: who used the licence (department and person), on what basis, for which case and purpose, when. */
export function UsesTable({
  query,
  page,
  pageSize,
  onPage,
  showLicence = false,
  emptyText,
}: {
  query: UseQueryResult<Page<LicenseUseView>>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  showLicence?: boolean;
  emptyText: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const columns: TableProps<LicenseUseView>['columns'] = [
    { title: t('licenses.uses.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    ...(showLicence ? [{ title: t('licenses.uses.licence'), key: 'licence', width: 160, render: (_v: unknown, u: LicenseUseView) => u.typeName }] : []),
    {
      title: t('licenses.uses.who'),
      key: 'who',
      width: 220,
      render: (_v, u) => (
        <>
          {u.departmentName ?? t('common.none')}
          <div className="zt-muted">{u.userName}</div>
        </>
      ),
    },
    { title: t('licenses.uses.basis'), dataIndex: 'basis', width: 170, render: (v: LicenseUseView['basis']) => licenseUseBasisNames[v][locale] },
    { title: t('licenses.uses.case'), dataIndex: 'caseNumber', width: 190, render: (v: string | null) => (v ? <span className="zt-code">{v}</span> : '—') },
    { title: t('licenses.uses.purpose'), dataIndex: 'purpose' },
  ];
  return (
    <QueryState query={query} isEmpty={(d) => d.total === 0} emptyText={emptyText} rows={3}>
      {(data) => (
        <Table<LicenseUseView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.items}
          loading={query.isFetching}
          scroll={{ x: showLicence ? 1000 : 860 }}
          pagination={data.total > pageSize ? { current: page, pageSize, total: data.total, onChange: onPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) } : false}
        />
      )}
    </QueryState>
  );
}
