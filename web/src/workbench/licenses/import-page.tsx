import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LicenseImportOutcome, LicenseImportReport, LicenseImportRow } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { api, isApiError, withQuery } from '../../shared/api/client';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { licenseKeys, licensePaths, useLicenseTypes } from '../../portal/licenses/api';
import { importTemplateCsv, importTemplateHeaders } from './import-template';
import { useChosenFile } from '../../shared/forms/use-chosen-file';

const outcomeColors: Readonly<Record<LicenseImportOutcome, string>> = { issued: 'success', existing: 'default', invalid: 'error', checked: 'processing' };

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

function Report({ report }: { report: LicenseImportReport }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<LicenseImportOutcome>();
  const rows = outcome ? report.rows.filter((r) => r.outcome === outcome) : report.rows;
  const columns: TableProps<LicenseImportRow>['columns'] = [
    { title: t('licenses.import.columns.row'), dataIndex: 'row', width: 80 },
    { title: t('licenses.import.columns.originalNumber'), dataIndex: 'originalNumber', width: 180 },
    { title: t('licenses.import.columns.outcome'), dataIndex: 'outcome', width: 120, render: (v: LicenseImportOutcome) => <Tag color={outcomeColors[v]}>{t(`licenses.import.outcomes.${v}`)}</Tag> },
    {
      title: t('licenses.import.columns.detail'),
      key: 'detail',
      render: (_v, r) =>
        r.errors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {r.errors.map((e) => (
              <li key={`${e.field}-${e.code}`}>
                {e.column ? <strong>{e.column}:</strong> : null}
                {e.message}
              </li>
            ))}
          </ul>
        ) : r.identifier ? (
          <span className="zt-code" style={{ wordBreak: 'break-all' }}>
            {r.identifier}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  const summary = report.dryRun
    ? t('licenses.import.summaryDryRun', { total: report.total, invalid: report.invalid, ok: report.total - report.invalid - report.existing, existing: report.existing })
    : t('licenses.import.summary', { total: report.total, issued: report.issued, existing: report.existing, invalid: report.invalid });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type={report.invalid > 0 ? 'warning' : 'success'} showIcon title={summary} description={t('licenses.import.seconds', { seconds: report.seconds.toFixed(1) })} role="status" />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'total', label: t('licenses.import.totals.total'), children: report.total },
          { key: 'issued', label: report.dryRun ? t('licenses.import.totals.wouldIssue') : t('licenses.import.totals.issued'), children: report.dryRun ? report.total - report.invalid - report.existing : report.issued },
          { key: 'existing', label: t('licenses.import.totals.existing'), children: report.existing },
          { key: 'invalid', label: t('licenses.import.totals.invalid'), children: report.invalid },
        ]}
      />
      {report.isTruncated ? <Alert type="info" showIcon title={t('licenses.import.truncated', { shown: report.rows.length })} /> : null}
      <Select<LicenseImportOutcome>
        aria-label={t('licenses.import.filterOutcome')}
        placeholder={t('licenses.import.filterOutcome')}
        allowClear
        value={outcome}
        onChange={setOutcome}
        options={(['invalid', 'issued', 'existing', 'checked'] as const).map((o) => ({ value: o, label: t(`licenses.import.outcomes.${o}`) }))}
        style={{ width: 200 }}
      />
      <Table<LicenseImportRow> rowKey="row" size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 820 }} />
    </Space>
  );
}

/** 历史证照电子化: check a sheet of old licences row by row, then issue the good rows; the same file twice issues nothing twice. */
export function LicenseImportPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [typeId, setTypeId] = useState<string>();
  const { file, uploadProps } = useChosenFile(() => reset());
  const types = useLicenseTypes({ departmentId: me.departmentId, isActive: true, pageSize: 200 }, me.departmentId !== null);
  const type = types.data?.items.find((ty) => ty.id === typeId);
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file || !typeId) throw new Error(t('licenses.import.chooseBoth'));
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<LicenseImportReport>(withQuery(licensePaths.import, { typeId, dryRun }), body);
    },
    onSuccess: (report) => {
      if (!report.dryRun && report.issued > 0) void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
    },
  });
  const reset = () => upload.reset();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/licenses">{t('licenses.staff.title')}</Link> }, { title: t('licenses.import.title') }]} />
      <PageHeader title={t('licenses.import.title')} description={t('licenses.import.intro')} />
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <label htmlFor="license-import-type" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t('licenses.import.type')}
            </label>
            <Select<string>
              id="license-import-type"
              value={typeId}
              onChange={(v) => {
                setTypeId(v);
                reset();
              }}
              loading={types.isPending && me.departmentId !== null}
              placeholder={t('licenses.issue.chooseType')}
              options={(types.data?.items ?? []).map((ty) => ({ value: ty.id, label: `${ty.name}(${ty.code})` }))}
              style={{ width: 360, maxWidth: '100%' }}
            />
            {types.data && types.data.items.length === 0 ? <Alert type="warning" showIcon title={t('licenses.issue.noTypes')} style={{ marginTop: 8 }} /> : null}
          </div>
          {type ? (
            <Alert
              type="info"
              showIcon
              title={t('licenses.import.columnsTitle')}
              description={
                <>
                  <div>{importTemplateHeaders(type).join('、')}</div>
                  <div style={{ marginTop: 4 }}>{t('licenses.import.columnsHelp')}</div>
                </>
              }
              action={
                <Button icon={<DownloadOutlined />} onClick={() => saveText(importTemplateCsv(type), t('licenses.import.templateName', { name: type.name }))}>
                  {t('licenses.import.template')}
                </Button>
              }
            />
          ) : null}
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...uploadProps}
          >
            <Button icon={<UploadOutlined />}>{t('licenses.import.chooseFile')}</Button>
          </Upload>
          <Space wrap>
            <Button onClick={() => upload.mutate({ dryRun: true })} disabled={!file || !typeId} loading={upload.isPending && upload.variables.dryRun}>
              {t('licenses.import.check')}
            </Button>
            <Button type="primary" onClick={() => upload.mutate({ dryRun: false })} disabled={!file || !typeId} loading={upload.isPending && !upload.variables.dryRun}>
              {t('licenses.import.apply')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('licenses.import.applyHelp')}</Typography.Text>
          {upload.isPending ? (
            <div role="status" className="zt-muted">
              {t('licenses.import.working')}
            </div>
          ) : null}
          {upload.isError ? <ProblemAlert error={upload.error} unmatched={isApiError(upload.error) ? (upload.error.problem.errors ?? []) : []} /> : null}
          {upload.data ? <Report report={upload.data} /> : null}
        </Space>
      </Card>
    </>
  );
}
