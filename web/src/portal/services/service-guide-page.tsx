import { Breadcrumb, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined, FormOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceGuide } from '@zhengtong/contracts';
import { withQuery } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { QueryState } from '../../shared/ui/query-state';
import { ButtonLink } from '../../shared/ui/button-link';
import { usePageTitle } from '../../shared/ui/page-title';
import { useMe } from '../../auth/session';
import { cataloguePaths, useServiceGuide } from './api';
import { GuideDocument } from './guide-document';
import { catalogueLabel } from './labels';

function GuideActions({ guide }: { guide: ServiceGuide }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const isOnline = guide.channels.includes('online');
  const query = { implementationId: guide.implementation.id };
  const applyPath = withQuery(`/services/${guide.serviceItem.id}/apply`, query);
  return (
    <Space wrap className="zt-no-print">
      {me?.accountType === 'staff' ? (
        <ButtonLink type="primary" size="large" icon={<FormOutlined />} to={withQuery('/workbench/window', { itemId: guide.serviceItem.id, implementationId: guide.implementation.id })}>
          {t('services.guide.fileAtWindow')}
        </ButtonLink>
      ) : isOnline ? (
        <ButtonLink type="primary" size="large" icon={<FormOutlined />} to={applyPath} data-testid="apply-online">
          {t('services.guide.applyOnline')}
        </ButtonLink>
      ) : null}
      <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('services.guide.print')}
      </Button>
      <Button size="large" icon={<FilePdfOutlined />} href={cataloguePaths.guidePdf(guide.id)} target="_blank" rel="noreferrer">
        {t('services.guide.downloadPdf')}
      </Button>
    </Space>
  );
}

function ImplementationChooser({ guide, onChoose }: { guide: ServiceGuide; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  if (guide.otherImplementations.length === 0) return null;
  const options = [
    { value: guide.implementation.id, label: `${guide.implementation.region.name} · ${guide.implementation.department.name}` },
    ...guide.otherImplementations.map((o) => ({ value: o.id, label: `${o.region.name} · ${o.department.name}` })),
  ];
  return (
    <Space wrap className="zt-no-print" style={{ marginBottom: 16 }}>
      <label htmlFor="guide-implementation">{t('services.guide.chooseImplementation')}</label>
      <Select id="guide-implementation" value={guide.implementation.id} options={options} onChange={onChoose} style={{ minWidth: 280 }} />
    </Space>
  );
}

/** 办事指南: the full guide of one item as implemented by one department, to read, print or take to the window. */
export function ServiceGuidePage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { itemId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const implementationId = params.get('implementationId') ?? undefined;
  const guide = useServiceGuide(itemId, implementationId);
  usePageTitle(guide.data ? t('services.guide.pageTitle', { name: guide.data.serviceItem.name }) : t('services.guide.title'));
  return (
    <div className="zt-content">
      <Breadcrumb
        className="zt-no-print"
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/">{t('portal.nav.home')}</Link> }, { title: <Link to="/services">{t('services.search.title')}</Link> }, { title: guide.data?.serviceItem.name ?? t('services.guide.title') }]}
      />
      <QueryState query={guide} rows={12}>
        {(data) => (
          <Card>
            <div className="zt-page-header">
              <div>
                <Typography.Title level={1} style={{ fontSize: '1.75em' }}>
                  {data.serviceItem.name}
                </Typography.Title>
                <Space wrap size={[4, 4]} style={{ marginTop: 8 }}>
                  <Tag color="blue">{catalogueLabel.itemType(data.serviceItem.type, locale)}</Tag>
                  <Tag>{catalogueLabel.caseKind(data.caseKind, locale)}</Tag>
                  {data.channels.includes('online') ? <Tag color="green">{t('services.search.online')}</Tag> : null}
                  {data.visitsRequired === 0 ? <Tag color="green">{t('services.guide.zeroVisits')}</Tag> : null}
                </Space>
              </div>
              <GuideActions guide={data} />
            </div>
            <ImplementationChooser
              guide={data}
              onChoose={(id) => {
                const next = new URLSearchParams(params);
                next.set('implementationId', id);
                setParams(next, { replace: true });
              }}
            />
            <GuideDocument guide={data} />
            <div className="zt-no-print" style={{ marginTop: 24 }}>
              <GuideActions guide={data} />
            </div>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
