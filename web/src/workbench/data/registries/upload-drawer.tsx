import { useState } from 'react';
import { Alert, Button, Drawer, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegistryKind, RegistryObservationsReport } from '@zhengtong/contracts';
import { api, withQuery } from '../../../shared/api/client';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { isApiError } from '../../../shared/api/client';
import { registryKeys, registryPaths } from '../../../portal/my/registry-api';

/** 上报数据: a provider's file of values, checked first (dry run), then recorded with its department as the source. */
export function UploadDrawer({ registry, open, onClose }: { registry: RegistryKind; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<RegistryObservationsReport>();
  const send = useMutation({
    mutationFn: (dryRun: boolean) => {
      const form = new FormData();
      if (file) form.append('file', file);
      return api.post<RegistryObservationsReport>(withQuery(registryPaths.observationsFile(registry), { dryRun }), form);
    },
    onMutate: () => setReport(undefined),
    onSuccess: (r) => {
      setReport(r);
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
  const reset = () => {
    setFile(undefined);
    setReport(undefined);
    send.reset();
  };
  const errors = isApiError(send.error) ? (send.error.problem.errors ?? []) : [];
  return (
    <Drawer
      open={open}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('dataRegistries.upload.title', { registry: t(`dataRegistries.registries.${registry}`) })}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => send.mutate(true)} disabled={!file} loading={send.isPending && send.variables}>
            {t('dataRegistries.upload.check')}
          </Button>
          <Button type="primary" onClick={() => send.mutate(false)} disabled={!file} loading={send.isPending && !send.variables}>
            {t('dataRegistries.upload.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('dataRegistries.upload.intro')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(undefined);
          send.reset();
          return false;
        }}
        onRemove={() => reset()}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('dataRegistries.upload.choose')}</Button>
      </Upload>
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={send.error} unmatched={errors.slice(0, 20)} />
        {report ? (
          <Alert
            type="success"
            showIcon
            title={report.dryRun ? t('dataRegistries.upload.checked', { rows: report.rows, recorded: report.recorded, unchanged: report.unchanged }) : t('dataRegistries.upload.done', { rows: report.rows, recorded: report.recorded, subjects: report.subjects })}
            description={report.dryRun ? undefined : report.isRecordWritten ? t('dataRegistries.upload.recordsWritten') : t('dataRegistries.upload.recordsPending')}
          />
        ) : null}
      </div>
    </Drawer>
  );
}
