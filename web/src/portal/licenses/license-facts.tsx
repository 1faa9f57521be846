import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { holderTypeNames, licenseActionNames, licenseSourceNames, licenseTrustLevelNames, type LicenseView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { LicenseStatusTag, useValidityText } from './license-status';
import { LicenseQrCard } from './license-qr';

type HistoryEntry = LicenseView['history'][number];

/** The licence as issued: who holds it, who issued it, its identifier, validity and status; one column, large type. */
export function LicenseFacts({ view }: { view: LicenseView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const validity = useValidityText();
  const origin =
    view.source === 'case' && view.caseNumber
      ? t('licenses.facts.fromCase', { number: view.caseNumber })
      : view.source === 'import' && view.originalNumber
        ? t('licenses.facts.fromImport', { number: view.originalNumber })
        : licenseSourceNames[view.source][locale];
  return (
    <Descriptions
      bordered
      size="middle"
      column={1}
      styles={{ label: { width: '34%', minWidth: 120 } }}
      items={[
        { key: 'status', label: t('licenses.facts.status'), children: <StatusWithReason view={view} /> },
        { key: 'type', label: t('licenses.facts.type'), children: view.typeName },
        { key: 'holder', label: t('licenses.facts.holder'), children: `${view.holderName}(${holderTypeNames[view.holderType][locale]})` },
        { key: 'holderNumber', label: view.holderType === 'person' ? t('licenses.facts.idNumber') : t('licenses.facts.creditCode'), children: <span className="zt-code">{view.holderNumber}</span> },
        {
          key: 'identifier',
          label: t('licenses.facts.identifier'),
          children: (
            <Typography.Text className="zt-code" copyable style={{ wordBreak: 'break-all' }}>
              {view.identifier}
            </Typography.Text>
          ),
        },
        { key: 'issuer', label: t('licenses.facts.issuer'), children: `${view.issuerName}(${view.issuerCreditCode})` },
        { key: 'validity', label: t('licenses.facts.validity'), children: validity(view.validFrom, view.validTo) },
        { key: 'issuedAt', label: t('licenses.facts.issuedAt'), children: formatDateTime(view.issuedAt) },
        { key: 'source', label: t('licenses.facts.source'), children: origin },
        { key: 'trust', label: t('licenses.facts.trustLevel'), children: licenseTrustLevelNames[view.trustLevel][locale] },
        { key: 'seal', label: t('licenses.facts.seal'), children: t('licenses.facts.sealText', { name: view.seal.name, keyId: view.seal.keyId }) },
      ]}
    />
  );
}

function StatusWithReason({ view }: { view: LicenseView }) {
  const { t } = useTranslation();
  return (
    <>
      <LicenseStatusTag status={view.status} />
      {view.statusChangedAt && view.status !== 'valid' ? <span>{t('licenses.facts.since', { at: formatDateTime(view.statusChangedAt) })}</span> : null}
      {view.statusReason && view.status !== 'valid' ? <div>{t('licenses.facts.reason', { reason: view.statusReason })}</div> : null}
    </>
  );
}

/** The contents printed on the licence (经营范围, 准驾车型 …) in the type's order. */
export function LicenseFieldList({ view }: { view: LicenseView }) {
  const { t } = useTranslation();
  if (view.fields.length === 0) return <Typography.Paragraph type="secondary">{t('licenses.facts.noFields')}</Typography.Paragraph>;
  return (
    <Descriptions
      bordered
      size="middle"
      column={1}
      styles={{ label: { width: '34%', minWidth: 120 } }}
      items={view.fields.map((f) => ({ key: f.key, label: f.name, children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.value}</span> }))}
    />
  );
}

/** Every change of status, oldest first, with who made it and why. */
export function LicenseHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const columns: TableProps<HistoryEntry>['columns'] = [
    { title: t('licenses.history.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('licenses.history.action'), dataIndex: 'action', width: 100, render: (v: HistoryEntry['action']) => <strong>{licenseActionNames[v][locale]}</strong> },
    { title: t('licenses.history.status'), key: 'status', width: 240, render: (_v, h) => <span>{h.fromStatus ? <LicenseStatusTag status={h.fromStatus} /> : null}→ <LicenseStatusTag status={h.toStatus} /></span> },
    { title: t('licenses.history.actor'), dataIndex: 'actorName', width: 160 },
    { title: t('licenses.history.reason'), dataIndex: 'reason', render: (v: string) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—') },
  ];
  return <Table<HistoryEntry> rowKey={(h) => `${h.at}-${h.action}`} size="small" columns={columns} dataSource={[...history]} pagination={false} scroll={{ x: 760 }} />;
}

const cardHeading = (text: string) => <h2 style={{ fontSize: '1.15em', margin: 0 }}>{text}</h2>;

/** The licence at a glance, as both its holder and its issuing department see it: facts, contents, QR code. */
export function LicenseOverview({ view }: { view: LicenseView }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card title={cardHeading(t('licenses.detail.facts'))}>
          <LicenseFacts view={view} />
        </Card>
        <Card title={cardHeading(t('licenses.detail.fields'))} style={{ marginTop: 16 }}>
          <LicenseFieldList view={view} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={cardHeading(t('licenses.detail.qr'))}>
          <LicenseQrCard view={view} />
        </Card>
      </Col>
    </Row>
  );
}
