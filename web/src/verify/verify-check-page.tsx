import { useState } from 'react';
import { Button, Card, Form, Input, Space, Tabs, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { FilePdfOutlined, QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LicensePdfVerdict, LicenseQrVerdict } from '@zhengtong/contracts';
import { api, isApiError } from '../shared/api/client';
import { PageHeader } from '../shared/ui/page-header';
import { ProblemAlert } from '../shared/ui/problem-alert';
import { licensePaths } from '../portal/licenses/api';
import { CheckResult } from './qr-check-result';
import { pdfOutcome, qrOutcome, verifyIdInText } from './verdict';

const PDF_LIMIT_MB = 10;

function QrCheck() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const check = useMutation({ mutationFn: (payload: string) => api.post<LicenseQrVerdict>(licensePaths.verifyQr, { payload }) });
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    // A link to the online check without the signed payload: open that check instead.
    const id = verifyIdInText(trimmed);
    if (id) {
      void navigate(`/verify/${id}`);
      return;
    }
    check.mutate(trimmed);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('licenses.verify.check.qrIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('licenses.verify.check.qrText')} htmlFor="verify-qr-text" extra={t('licenses.verify.check.qrTextHelp')} required>
          <Input.TextArea id="verify-qr-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} spellCheck={false} className="zt-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" icon={<QrcodeOutlined />} loading={check.isPending} disabled={text.trim() === ''}>
          {t('licenses.verify.check.qrSubmit')}
        </Button>
      </Form>
      {check.isError ? <ProblemAlert error={check.error} unmatched={isApiError(check.error) ? (check.error.problem.errors ?? []) : []} /> : null}
      {check.data ? <CheckResult outcome={qrOutcome(check.data)} verdict={check.data} /> : null}
    </Space>
  );
}

function PdfCheck() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const check = useMutation({
    mutationFn: (chosen: File) => {
      const body = new FormData();
      body.append('file', chosen, chosen.name);
      return api.post<LicensePdfVerdict>(licensePaths.verifyPdf, body);
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('licenses.verify.check.pdfIntro', { max: PDF_LIMIT_MB })}</Typography.Paragraph>
      <Upload
        accept=".pdf,application/pdf"
        maxCount={1}
        fileList={fileList}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setFileList([{ uid: chosen.uid, name: chosen.name, status: 'done' }]);
          check.reset();
          return false;
        }}
        onRemove={() => {
          setFile(undefined);
          setFileList([]);
          check.reset();
        }}
      >
        <Button icon={<UploadOutlined />} size="large">
          {t('licenses.verify.check.pdfChoose')}
        </Button>
      </Upload>
      <Button type="primary" size="large" icon={<FilePdfOutlined />} disabled={!file} loading={check.isPending} onClick={() => file && check.mutate(file)}>
        {t('licenses.verify.check.pdfSubmit')}
      </Button>
      {check.isError ? <ProblemAlert error={check.error} unmatched={isApiError(check.error) ? (check.error.problem.errors ?? []) : []} /> : null}
      {check.data ? <CheckResult outcome={pdfOutcome(check.data)} verdict={check.data} /> : null}
    </Space>
  );
}

/** 证照核验: check a licence by the text of its QR code or by its PDF file, without signing in. */
export function VerifyCheckPage() {
  const { t } = useTranslation();
  return (
    <div className="zt-content" style={{ maxWidth: 860 }}>
      <PageHeader title={t('licenses.verify.check.title')} description={t('licenses.verify.check.intro')} />
      <Card>
        <Tabs
          items={[
            { key: 'qr', label: t('licenses.verify.check.tabs.qr'), children: <QrCheck /> },
            { key: 'pdf', label: t('licenses.verify.check.tabs.pdf'), children: <PdfCheck /> },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('licenses.verify.check.recorded')}
      </Typography.Paragraph>
    </div>
  );
}
