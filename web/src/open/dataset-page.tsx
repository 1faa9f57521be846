import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type OpenDatasetField, type OpenDatasetView, type OpenRecord } from '@zhengtong/contracts';
import { useMe } from '../auth/session';
import { withReturnTo } from '../auth/return-to';
import { currentLocale } from '../shared/forms/rules';
import { formatDate, formatDateTime } from '../shared/format';
import { ButtonLink } from '../shared/ui/button-link';
import { PageHeader } from '../shared/ui/page-header';
import { QueryState } from '../shared/ui/query-state';
import { curlExample, openPages, openPaths, useOpenDataset } from './api';
import { openLabel } from './labels';

function cellText(value: OpenRecord[string] | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? (value ? '✓' : '✗') : String(value);
}

function Downloads({ d }: { d: OpenDatasetView }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.dataset.downloadTitle')}</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('openData.dataset.downloadHelp')}</Typography.Paragraph>
      <Space wrap>
        {d.files.map((file, i) => (
          // A plain link with `download`: the browser saves the file (keyboard: Enter), no script needed.
          <Button key={file.format} type={i === 0 ? 'primary' : 'default'} size="large" icon={<DownloadOutlined aria-hidden />} href={openPaths.download(d.code, file.format)} download>
            {t('openData.dataset.download', { format: file.format.toUpperCase() })}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

function Fields({ fields }: { fields: OpenDatasetField[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <Table<OpenDatasetField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={fields}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('openData.dataset.fieldColumns.name'), dataIndex: 'name' },
        { title: t('openData.dataset.fieldColumns.key'), dataIndex: 'key', render: (v: string) => <span className="zt-code">{v}</span> },
        { title: t('openData.dataset.fieldColumns.type'), dataIndex: 'type', render: (v: OpenDatasetField['type']) => openLabel.fieldType(v, locale) },
        { title: t('openData.dataset.fieldColumns.description'), dataIndex: 'description' },
      ]}
    />
  );
}

function Restricted({ d }: { d: OpenDatasetView }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (d.restrictedFields.length === 0) return null;
  const isDeveloper = me && me.accountType !== 'staff';
  const applyPath = openPages.apply(d.code);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('openData.dataset.restrictedTitle')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('openData.dataset.restrictedText', { names: d.restrictedFields.map((f) => f.name).join('、') })}</Typography.Paragraph>
          {d.openCondition ? (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('openData.dataset.openCondition')}
              {t('common.colon')}
              {d.openCondition}
            </Typography.Paragraph>
          ) : null}
          {me?.accountType === 'staff' ? null : (
            <ButtonLink type="primary" to={isDeveloper ? applyPath : withReturnTo('/login', applyPath)}>
              {isDeveloper ? t('openData.dataset.apply') : t('openData.dataset.applySignIn')}
            </ButtonLink>
          )}
        </>
      }
    />
  );
}

function Preview({ d }: { d: OpenDatasetView }) {
  const { t } = useTranslation();
  const rows = d.preview.map((r, i) => ({ ...r, __row: i }));
  return (
    <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.dataset.previewTitle', { count: d.preview.length })}</h2>} style={{ marginBottom: 16 }}>
      {d.preview.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('openData.dataset.previewEmpty')}</Typography.Paragraph>
      ) : (
        <Table
          rowKey="__row"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={d.fields.map((f) => ({ title: f.name, key: f.key, render: (_v: unknown, r: OpenRecord) => cellText(r[f.key]) }))}
        />
      )}
    </Card>
  );
}

function ApiDocs({ d }: { d: OpenDatasetView }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  return (
    <Card id="api" title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.dataset.apiTitle')}</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('openData.dataset.apiText')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code>GET {d.recordsUrl}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('openData.dataset.apiParams')}</Typography.Paragraph>
      <pre className="zt-pre" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: 'rgba(0,0,0,0.04)', padding: 12, borderRadius: 6 }}>
        <Typography.Text copyable={{ text: curlExample(origin, d.code) }}>{curlExample(origin, d.code)}</Typography.Text>
      </pre>
      <Typography.Paragraph>
        <Link to={openPages.developer}>{t('openData.dataset.apiKeyLink')}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('openData.dataset.ckanText')} <a href={openPaths.ckanShow(d.code)}>{openPaths.ckanShow(d.code)}</a>
      </Typography.Paragraph>
    </Card>
  );
}

function Facts({ d }: { d: OpenDatasetView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const c = d.classification;
  const items = [
    { key: 'code', label: t('openData.dataset.facts.code'), children: <span className="zt-code">{d.code}</span> },
    { key: 'provider', label: t('openData.dataset.facts.provider'), children: d.providerName },
    { key: 'openType', label: t('openData.dataset.facts.openType'), children: <Tag color={d.openType === 'open' ? 'green' : 'orange'}>{openLabel.openType(d.openType, locale)}</Tag> },
    { key: 'updateCycle', label: t('openData.dataset.facts.updateCycle'), children: openLabel.updateCycle(d.updateCycle, locale) },
    { key: 'records', label: t('openData.dataset.facts.records'), children: t('openData.dataset.facts.recordsValue', { count: d.recordCount }) },
    { key: 'recordsUpdatedAt', label: t('openData.dataset.facts.recordsUpdatedAt'), children: formatDateTime(d.recordsUpdatedAt) || t('common.none') },
    { key: 'themes', label: t('openData.dataset.facts.themes'), children: d.themes.join('、') || t('common.none') },
    { key: 'keywords', label: t('openData.dataset.facts.keywords'), children: d.keywords.join('、') || t('common.none') },
    { key: 'classification', label: t('openData.dataset.facts.classification'), children: [c.category, c.item, c.directory, c.detail].filter(Boolean).join(' / ') },
    { key: 'catalogueType', label: t('openData.dataset.facts.catalogueType'), children: openLabel.catalogueType(d.catalogueType, locale) },
    { key: 'format', label: t('openData.dataset.facts.format'), children: openLabel.format(d.format, locale) },
    { key: 'releasedOn', label: t('openData.dataset.facts.releasedOn'), children: d.releasedOn ?? formatDate(d.createdAt) },
    { key: 'metadataModified', label: t('openData.dataset.facts.metadataModified'), children: formatDateTime(d.metadataModified) },
    { key: 'usage', label: t('openData.dataset.facts.usage'), children: t('openData.dataset.facts.usageValue', { downloads: d.downloads, calls: d.apiCalls }) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} style={{ marginBottom: 16 }} />;
}

function Licence({ d }: { d: OpenDatasetView }) {
  const { t } = useTranslation();
  const contact = [d.contact.name, d.contact.phone, d.contact.email].filter(Boolean).join(' · ');
  return (
    <Card id="licence" title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.dataset.licenceTitle')}</h2>}>
      <Typography.Paragraph strong>{d.licence.name}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{d.licence.terms || t('openData.dataset.licenceNone')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: '1em' }}>
        {t('openData.dataset.contactTitle')}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{contact}</Typography.Paragraph>
    </Card>
  );
}

/** 开放数据集详情 (public): what the dataset holds, a preview, the downloads, the API, the licence. */
export function DatasetPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const dataset = useOpenDataset(code);
  return (
    <div className="zt-content">
      <Link to={openPages.home}>
        <LeftOutlined aria-hidden /> {t('openData.dataset.back')}
      </Link>
      <QueryState query={dataset} rows={10}>
        {(d) => (
          <>
            <PageHeader title={d.name} description={d.summary} />
            <Facts d={d} />
            {/* A dataset opened only on application has no open item: no file, no preview, only the way to apply. */}
            {d.files.length > 0 ? <Downloads d={d} /> : null}
            <Restricted d={d} />
            {d.fields.length > 0 ? (
              <>
                <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.dataset.fieldsTitle')}</h2>} style={{ marginBottom: 16 }}>
                  <Fields fields={d.fields} />
                </Card>
                <Preview d={d} />
              </>
            ) : null}
            <ApiDocs d={d} />
            <Licence d={d} />
          </>
        )}
      </QueryState>
    </div>
  );
}
