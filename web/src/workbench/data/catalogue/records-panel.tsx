import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataQualityScore, DataResourceView, OrgImportReport } from '@zhengtong/contracts';
import { api, withQuery } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { QueryState } from '../../../shared/ui/query-state';
import { catalogueKeys, cataloguePaths, useResourceQuality } from './api';
import { ImportReport, UploadFailure } from './import-report';
import { useLabels } from './labels';
import { useChosenFile } from '../../../shared/forms/use-chosen-file';

function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV with the published items' names as headers (UTF-8 with BOM, so Excel opens it in Chinese). */
export function recordTemplate(view: Pick<DataResourceView, 'published'>): string {
  const names = view.published?.fields.map((f) => (/[",\n]/.test(f.name) ? `"${f.name.replace(/"/g, '""')}"` : f.name)) ?? [];
  return `\uFEFF${names.join(',')}\r\n`;
}

function Score({ label, value }: { label: string; value: number | null }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center' }}>
      {value === null ? <Typography.Text type="secondary">{t('dataCatalogue.quality.none')}</Typography.Text> : <Progress type="dashboard" percent={value} size={96} format={(p) => `${p ?? 0}`} aria-label={`${label} ${value}`} />}
      <div>{label}</div>
    </div>
  );
}

function QualityCard({ score }: { score: DataQualityScore | null }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (!score) return <Typography.Paragraph type="secondary">{t('dataCatalogue.quality.notPublished')}</Typography.Paragraph>;
  const invalid = Object.entries(score.invalidByField);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Score label={t('dataCatalogue.quality.score')} value={score.score} />
        </Col>
        <Col xs={12} md={6}>
          <Score label={t('dataCatalogue.quality.completeness')} value={score.completeness} />
        </Col>
        <Col xs={12} md={6}>
          <Score label={t('dataCatalogue.quality.validity')} value={score.validity} />
        </Col>
        <Col xs={12} md={6}>
          <Score label={t('dataCatalogue.quality.timeliness')} value={score.timeliness} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('dataCatalogue.quality.explain', { cycle: label('updateCycle', score.updateCycle) })}</Typography.Text>
      {invalid.length > 0 ? <Alert type="warning" showIcon title={t('dataCatalogue.quality.invalid', { list: invalid.map(([k, n]) => `${k} ${n}`).join('、') })} /> : null}
    </Space>
  );
}

/** 数据与质量: how many records, how fresh and how good; the provider loads a file here (checked first, all or nothing). */
export function RecordsPanel({ view }: { view: DataResourceView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const quality = useResourceQuality(view.id, view.publishedVersion !== null);
  const { file, uploadProps } = useChosenFile(() => upload.reset());
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error(t('dataCatalogue.records.chooseFile'));
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<OrgImportReport>(withQuery(cataloguePaths.upload(view.id), { dryRun }), body);
    },
    onSuccess: (report) => {
      if (report.isApplied) {
        void queryClient.invalidateQueries({ queryKey: catalogueKeys.one(view.id) });
        void queryClient.invalidateQueries({ queryKey: catalogueKeys.quality(view.id) });
      }
    },
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'count', label: t('dataCatalogue.records.count'), children: view.recordCount.toLocaleString() },
          { key: 'updated', label: t('dataCatalogue.records.updatedAt'), children: view.recordsUpdatedAt ? formatDateTime(view.recordsUpdatedAt) : t('common.none') },
        ]}
      />
      <Card size="small" title={t('dataCatalogue.quality.title')}>
        {view.publishedVersion === null ? (
          <Typography.Paragraph type="secondary">{t('dataCatalogue.quality.notPublished')}</Typography.Paragraph>
        ) : (
          <QueryState query={quality} rows={2}>
            {(data) => <QualityCard score={data.score} />}
          </QueryState>
        )}
      </Card>
      {view.sourceKind !== 'table' ? <Alert type="info" showIcon title={t('dataCatalogue.records.registry')} /> : null}
      {view.can.loadRecords ? (
        <Card size="small" title={t('dataCatalogue.records.uploadTitle')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('dataCatalogue.records.uploadHelp', { key: view.published?.fields.find((f) => f.key === view.published?.keyField)?.name ?? '' })}
            </Typography.Paragraph>
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => saveText(recordTemplate(view), t('dataCatalogue.records.templateName', { name: view.name }))}>
                {t('dataCatalogue.records.template')}
              </Button>
              <Upload
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                {...uploadProps}
              >
                <Button icon={<UploadOutlined />}>{t('dataCatalogue.records.chooseFile')}</Button>
              </Upload>
            </Space>
            <Space wrap>
              <Button onClick={() => upload.mutate({ dryRun: true })} disabled={!file} loading={upload.isPending && upload.variables.dryRun}>
                {t('dataCatalogue.records.check')}
              </Button>
              <Button type="primary" onClick={() => upload.mutate({ dryRun: false })} disabled={!file} loading={upload.isPending && !upload.variables.dryRun}>
                {t('dataCatalogue.records.load')}
              </Button>
            </Space>
            {upload.isPending ? (
              <div role="status" className="zt-muted">
                {t('dataCatalogue.records.working')}
              </div>
            ) : null}
            {upload.isError ? <UploadFailure error={upload.error} /> : null}
            {upload.data ? <ImportReport report={upload.data} /> : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
