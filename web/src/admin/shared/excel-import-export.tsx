import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgImportReport, OrgImportRowError } from '@zhengtong/contracts';
import { api, downloadFile, isApiError, withQuery, type Query } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useChosenFile } from '../../shared/forms/use-chosen-file';

type Props = {
  exportPath: string;
  exportQuery?: Query;
  exportFileName: string;
  importPath: string;
  onImported: () => void;
};

function reportOf(error: unknown): OrgImportReport | undefined {
  if (!isApiError(error) || typeof error.body !== 'object' || error.body === null) return undefined;
  const report = (error.body as { report?: OrgImportReport }).report;
  return report && Array.isArray(report.errors) ? report : undefined;
}

function ImportReport({ report }: { report: OrgImportReport }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {report.errors.length === 0 ? (
        <Alert
          type={report.isApplied ? 'success' : 'info'}
          showIcon
          title={report.isApplied ? t('admin.excel.applied') : t('admin.excel.dryRunOk')}
        />
      ) : (
        <Alert type="error" showIcon title={t('admin.excel.hasErrors', { count: new Set(report.errors.map((e) => e.row)).size })} />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'total', label: t('admin.excel.total'), children: report.total },
          { key: 'created', label: t('admin.excel.created'), children: report.created },
          { key: 'updated', label: t('admin.excel.updated'), children: report.updated },
          { key: 'unchanged', label: t('admin.excel.unchanged'), children: report.unchanged },
        ]}
      />
      {report.errors.length > 0 ? (
        <Table<OrgImportRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
          dataSource={report.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 520 }}
          columns={[
            { title: t('admin.excel.row'), dataIndex: 'row', width: 80 },
            { title: t('admin.excel.column'), dataIndex: 'column', width: 160 },
            { title: t('admin.excel.message'), dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Space>
  );
}

/**
 * Excel export, and an import that is always checked first: a dry run lists every wrong row with its row number
 * and column, and only a clean file can then be applied (an import with any wrong row changes nothing).
 */
export function ExcelImportExport({ exportPath, exportQuery, exportFileName, importPath, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const { file, uploadProps, clear } = useChosenFile(() => upload.reset());
  const exportFile = useMutation({
    mutationFn: () => downloadFile(exportPath, exportQuery, exportFileName),
    onError: (error) => void message.error(error.message),
  });
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error(t('admin.excel.chooseFile'));
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<OrgImportReport>(withQuery(importPath, { dryRun }), body);
    },
    onSuccess: (report) => {
      if (report.isApplied) {
        void message.success(t('admin.excel.applied'));
        onImported();
      }
    },
  });
  const report = upload.data ?? reportOf(upload.error);
  const canApply = upload.data?.dryRun === true && upload.data.errors.length === 0;
  const close = () => {
    setOpen(false);
    clear();
    upload.reset();
  };

  return (
    <>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
          {t('admin.excel.export')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
          {t('admin.excel.import')}
        </Button>
      </Space>
      <Modal
        open={isOpen}
        title={t('admin.excel.importTitle')}
        onCancel={close}
        width={760}
        destroyOnHidden
        footer={
          <Space wrap>
            <Button onClick={close}>{t('common.actions.close')}</Button>
            <Button onClick={() => upload.mutate({ dryRun: true })} disabled={!file} loading={upload.isPending && upload.variables.dryRun}>
              {t('admin.excel.check')}
            </Button>
            <Button type="primary" onClick={() => upload.mutate({ dryRun: false })} disabled={!canApply} loading={upload.isPending && !upload.variables.dryRun}>
              {t('admin.excel.apply')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('admin.excel.howTo')} />
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...uploadProps}
          >
            <Button icon={<UploadOutlined />}>{t('admin.excel.chooseFile')}</Button>
          </Upload>
          {upload.isError && !reportOf(upload.error) ? <ProblemAlert error={upload.error} /> : null}
          {report ? <ImportReport report={report} /> : null}
        </Space>
      </Modal>
    </>
  );
}
