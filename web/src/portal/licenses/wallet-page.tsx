import { useState } from 'react';
import { Card, Pagination, Segmented, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { licenseStatuses, licenseStatusNames, type LicenseStatus, type LicenseSummary } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { currentLocale } from '../../shared/forms/rules';
import { ButtonLink } from '../../shared/ui/button-link';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useMyLicenseUses, useMyLicenses } from './api';
import { LicenseStatusTag, useValidityText } from './license-status';
import { UsesTable } from './uses-table';

const PAGE_SIZE = 12;
const USES_PAGE_SIZE = 20;
type Filter = 'all' | LicenseStatus;

function LicenseCard({ license }: { license: LicenseSummary }) {
  const { t } = useTranslation();
  const validity = useValidityText();
  return (
    <Card
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', height: '100%' } }}
      title={
        <Link to={`/my/licenses/${license.id}`} style={{ fontSize: '1.15em' }}>
          {license.typeName}
        </Link>
      }
      extra={<LicenseStatusTag status={license.status} />}
    >
      <dl style={{ margin: '0 0 16px', lineHeight: 1.8, flex: 1 }}>
        <dt className="zt-muted">{t('licenses.facts.holder')}</dt>
        <dd style={{ margin: 0 }}>{license.holderName}</dd>
        <dt className="zt-muted">{t('licenses.facts.validity')}</dt>
        <dd style={{ margin: 0 }}>{validity(license.validFrom, license.validTo)}</dd>
        <dt className="zt-muted">{t('licenses.facts.issuer')}</dt>
        <dd style={{ margin: 0 }}>{license.issuerName}</dd>
        <dt className="zt-muted">{t('licenses.facts.identifier')}</dt>
        <dd className="zt-code" style={{ margin: 0, wordBreak: 'break-all', fontSize: '0.9em' }}>
          {license.identifier}
        </dd>
      </dl>
      <ButtonLink block type={license.status === 'valid' ? 'primary' : 'default'} to={`/my/licenses/${license.id}`} aria-label={t('licenses.wallet.openNamed', { name: license.typeName })}>
        {t('licenses.wallet.open')}
      </ButtonLink>
    </Card>
  );
}

function Licences() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const licences = useMyLicenses({ status: filter === 'all' ? undefined : filter, page, pageSize: PAGE_SIZE });
  return (
    <>
      <Segmented<Filter>
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={[{ value: 'all', label: t('common.all') }, ...licenseStatuses.map((s) => ({ value: s, label: licenseStatusNames[s][locale] }))]}
        style={{ marginBottom: 16 }}
        aria-label={t('licenses.wallet.filterLabel')}
      />
      <QueryState
        query={licences}
        isEmpty={(d) => d.total === 0}
        emptyText={filter === 'all' ? t('licenses.wallet.empty') : t('licenses.wallet.emptyFiltered')}
        emptyAction={filter === 'all' ? <ButtonLink to="/services">{t('licenses.wallet.findService')}</ButtonLink> : undefined}
      >
        {(data) => (
          <>
            <ul className="zt-card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('licenses.wallet.listLabel')}>
              {data.items.map((l) => (
                <li key={l.id}>
                  <LicenseCard license={l} />
                </li>
              ))}
            </ul>
            {data.total > PAGE_SIZE ? <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} /> : null}
          </>
        )}
      </QueryState>
    </>
  );
}

function AllUses() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const uses = useMyLicenseUses(page, USES_PAGE_SIZE);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('licenses.wallet.usesIntro')}</Typography.Paragraph>
      <UsesTable query={uses} page={page} pageSize={USES_PAGE_SIZE} onPage={setPage} showLicence emptyText={t('licenses.uses.emptyAll')} />
    </>
  );
}

/** 证照夹: the licences this person (or the enterprise they act for) holds, and who has used them. */
export function WalletPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const isEnterprise = me.accountType === 'enterprise' || me.enterpriseId !== null;
  return (
    <>
      <PageHeader title={t('licenses.wallet.title')} description={isEnterprise ? t('licenses.wallet.enterpriseIntro', { enterprise: me.enterpriseName ?? me.displayName }) : t('licenses.wallet.intro')} />
      <Tabs
        items={[
          { key: 'licences', label: t('licenses.wallet.tabs.licences'), children: <Licences /> },
          { key: 'uses', label: t('licenses.wallet.tabs.uses'), children: <AllUses /> },
        ]}
      />
    </>
  );
}
