import { Alert, Descriptions, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgImportReport, OrgImportRowError } from '@zhengtong/contracts';
import { isApiError } from '../../../shared/api/client';
import { ProblemAlert } from '../../../shared/ui/problem-alert';

/** The report an import or a refused import carries (a 400 with wrong rows brings it in its problem body). */
export function reportOf(error: unknown): OrgImportReport | undefined {
  if (!isApiError(error)) return undefined;
  const body = error.body as { report?: OrgImportReport } | undefined;
  return body?.report;
}

/** Per-row report of a load or import: what would change (dry run) or changed, and every wrong cell by row and column. */
export function ImportReport({ report }: { report: OrgImportReport }) {
  const { t } = useTranslation();
  const columns: TableProps<OrgImportRowError>['columns'] = [
    { title: t('dataCatalogue.report.row'), dataIndex: 'row', width: 80 },
    { title: t('dataCatalogue.report.column'), dataIndex: 'column', width: 200 },
    { title: t('dataCatalogue.report.problem'), dataIndex: 'message' },
  ];
  const summary = report.errorCount > 0
    ? t('dataCatalogue.report.rejected', { count: new Set(report.errors.map((e) => e.row)).size })
    : report.dryRun
      ? t('dataCatalogue.report.checked', { total: report.total })
      : t('dataCatalogue.report.applied', { total: report.total });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type={report.errorCount > 0 ? 'error' : report.dryRun ? 'info' : 'success'} showIcon title={summary} role="status" />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'total', label: t('dataCatalogue.report.total'), children: report.total },
          { key: 'created', label: report.isApplied ? t('dataCatalogue.report.created') : t('dataCatalogue.report.wouldCreate'), children: report.created },
          { key: 'updated', label: report.isApplied ? t('dataCatalogue.report.updated') : t('dataCatalogue.report.wouldUpdate'), children: report.updated },
          { key: 'unchanged', label: t('dataCatalogue.report.unchanged'), children: report.unchanged },
        ]}
      />
      {report.errors.length > 0 ? (
        <Table<OrgImportRowError>
          rowKey={(e) => `${e.row}/${e.field}/${e.code}`}
          size="small"
          columns={columns}
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 640 }}
        />
      ) : null}
      {report.errorCount > report.errors.length ? <Alert type="info" showIcon title={t('dataCatalogue.report.truncated', { shown: report.errors.length, total: report.errorCount })} /> : null}
    </Space>
  );
}

/** A failed upload: its report when the server sent one, else the problem itself. */
export function UploadFailure({ error }: { error: unknown }) {
  const report = reportOf(error);
  return report ? <ImportReport report={report} /> : <ProblemAlert error={error} />;
}
