import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseMaterialView } from '@zhengtong/contracts';
import { formatDateTime } from '../../shared/format';
import { formatSize } from '../../shared/schema-form/upload-check';
import { casePaths } from '../../portal/cases/api';
import { FilePreview, type PreviewTarget } from '../../portal/cases/file-preview';
import { LicenseDetails } from '../../portal/cases/license-source';
import { dateWords } from '../../portal/cases/plain-words';
import { currentLocale } from '../../shared/forms/rules';

/**
 * The reviewer's view of the materials: each file to open (every view is recorded), promises and 容缺 with dates, and
 * materials fetched from an electronic licence (免证办) with the licence's source and data.
 */
export function MaterialsViewer({ caseId, materials }: { caseId: string; materials: readonly CaseMaterialView[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [preview, setPreview] = useState<PreviewTarget>();
  const columns: TableProps<CaseMaterialView>['columns'] = [
    {
      title: t('services.guide.materials.name'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <Space wrap size={4}>
          <strong>{name}</strong>
          {m.isRequired ? <Tag color="red">{t('services.guide.materials.mandatory')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('workbench.cases.materials.state'),
      key: 'state',
      width: 220,
      render: (_v, m) =>
        m.mode === 'license' ? (
          <Tag color="green" style={{ whiteSpace: 'normal' }}>
            {t('cases.materials.summary.license')}
          </Tag>
        ) : m.mode === 'pledge' ? (
          <Tag color="gold">{t('cases.materials.state.pledge')}</Tag>
        ) : m.mode === 'gap' ? (
          m.gapFulfilledAt ? (
            <Tag color="green">{t('cases.materials.gapFulfilled')}</Tag>
          ) : (
            <Tag color="orange">{m.gapDueAt ? t('cases.materials.gapDue', { date: dateWords(m.gapDueAt, locale) }) : t('cases.materials.state.gap')}</Tag>
          )
        ) : m.files.length > 0 ? (
          <Tag color="green">{t('workbench.cases.materials.files', { count: m.files.length })}</Tag>
        ) : (
          <Tag color={m.isRequired ? 'red' : 'default'}>{t('cases.materials.notHandedIn')}</Tag>
        ),
    },
    {
      title: t('workbench.cases.materials.filesTitle'),
      key: 'files',
      render: (_v, m) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          {/* 免证办: the licence the case relies on, with its data as fetched, in place of a scan to open. */}
          {m.license ? (
            <>
              <Typography.Text strong>{t('cases.licenses.fields')}</Typography.Text>
              <LicenseDetails license={m.license} />
            </>
          ) : null}
          {m.files.map((f) => (
            <Space key={f.id} wrap size={6}>
              <Button size="small" icon={<EyeOutlined />} onClick={() => setPreview({ url: casePaths.materialFile(caseId, f.id), fileName: f.fileName, format: f.format })} aria-label={t('cases.materials.previewNamed', { name: f.fileName })}>
                {f.fileName}
              </Button>
              <span className="zt-muted">
                {formatSize(f.sizeBytes)} · {t(`workbench.cases.materials.trust.${f.trustLevel}`)} · {formatDateTime(f.uploadedAt)}
              </span>
            </Space>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<CaseMaterialView> rowKey="key" size="small" columns={columns} dataSource={[...materials]} pagination={false} scroll={{ x: 760 }} />
      <FilePreview target={preview} onClose={() => setPreview(undefined)} />
    </>
  );
}
