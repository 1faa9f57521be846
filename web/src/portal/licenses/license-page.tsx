import { useState } from 'react';
import { Breadcrumb, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LicenseView } from '@zhengtong/contracts';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useLicense, useLicenseUses } from './api';
import { GrantsPanel } from './grants-panel';
import { LicenseHistory, LicenseOverview } from './license-facts';
import { UsesTable } from './uses-table';

const USES_PAGE_SIZE = 10;

function Uses({ id }: { id: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const uses = useLicenseUses(id, page, USES_PAGE_SIZE);
  return <UsesTable query={uses} page={page} pageSize={USES_PAGE_SIZE} onPage={setPage} emptyText={t('licenses.uses.empty')} />;
}

function HolderLicense({ view }: { view: LicenseView }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={view.typeName} description={t('licenses.detail.holderIntro')} />
      <LicenseOverview view={view} />
      <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('licenses.grants.title')}</h2>} style={{ marginTop: 16 }}>
        <GrantsPanel license={view} />
      </Card>
      <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('licenses.uses.title')}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('licenses.uses.intro')}</Typography.Paragraph>
        <Uses id={view.id} />
      </Card>
      <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('licenses.history.title')}</h2>} style={{ marginTop: 16 }}>
        <LicenseHistory history={view.history} />
      </Card>
    </>
  );
}

/** 证照详情 in the 证照夹: contents, QR code and file, grants and every use. */
export function MyLicensePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const license = useLicense(id);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/my/licenses">{t('licenses.wallet.title')}</Link> }, { title: license.data?.typeName ?? t('licenses.detail.title') }]} />
      <QueryState query={license} rows={10}>
        {(view) => <HolderLicense view={view} />}
      </QueryState>
    </>
  );
}
