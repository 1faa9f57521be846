import { useState } from 'react';
import { Breadcrumb, Button, Card, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dataFieldSheetColumns, dataResourceSheetColumns, type OrgImportReport } from '@zhengtong/contracts';
import { api, downloadFile, withQuery } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/ui/page-header';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { catalogueKeys, cataloguePaths } from './api';
import { ImportReport, UploadFailure } from './import-report';
import { useChosenFile } from '../../../shared/forms/use-chosen-file';

/** 导入资源目录: the workbook the export writes (资源 + 信息项); new codes become drafts, changed rows new draft versions. */
export function CatalogueImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { file, uploadProps } = useChosenFile(() => upload.reset());
  const [exportError, setExportError] = useState<unknown>();
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error(t('dataCatalogue.import.chooseFile'));
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<OrgImportReport>(withQuery(cataloguePaths.import, { dryRun }), body);
    },
    onSuccess: (report) => {
      if (report.isApplied) void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/data/resources">{t('dataCatalogue.list.title')}</Link> }, { title: t('dataCatalogue.import.title') }]} />
      <PageHeader title={t('dataCatalogue.import.title')} description={t('dataCatalogue.import.intro')} />
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('dataCatalogue.import.sheets')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('dataCatalogue.import.resourceSheet', { columns: Object.values(dataResourceSheetColumns).join('、') })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('dataCatalogue.import.fieldSheet', { columns: Object.values(dataFieldSheetColumns).join('、') })}</Typography.Paragraph>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                setExportError(undefined);
                downloadFile(cataloguePaths.export, undefined, 'data-resources.xlsx').catch(setExportError);
              }}
            >
              {t('dataCatalogue.import.exportFirst')}
            </Button>
            {exportError ? <ProblemAlert error={exportError} /> : null}
          </div>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...uploadProps}
          >
            <Button icon={<UploadOutlined />}>{t('dataCatalogue.import.chooseFile')}</Button>
          </Upload>
          <Space wrap>
            <Button onClick={() => upload.mutate({ dryRun: true })} disabled={!file} loading={upload.isPending && upload.variables.dryRun}>
              {t('dataCatalogue.import.check')}
            </Button>
            <Button type="primary" onClick={() => upload.mutate({ dryRun: false })} disabled={!file} loading={upload.isPending && !upload.variables.dryRun}>
              {t('dataCatalogue.import.apply')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('dataCatalogue.import.applyHelp')}</Typography.Text>
          {upload.isPending ? (
            <div role="status" className="zt-muted">
              {t('dataCatalogue.import.working')}
            </div>
          ) : null}
          {upload.isError ? <UploadFailure error={upload.error} /> : null}
          {upload.data ? <ImportReport report={upload.data} /> : null}
        </Space>
      </Card>
    </>
  );
}
