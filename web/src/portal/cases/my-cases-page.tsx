import { useState } from 'react';
import { Card, List, Segmented, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@zhengtong/contracts';
import { formatDateTime } from '../../shared/format';
import { ButtonLink } from '../../shared/ui/button-link';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useMyCases } from './api';
import { CaseStatusTag, LightBadge } from './case-status';
import { isClosed } from './plain-words';

const PAGE_SIZE = 10;
type Filter = 'all' | 'draft' | 'suspended' | 'completed';

function CaseRow({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  const action = c.status === 'draft' ? t('cases.my.continue') : c.status === 'suspended' ? t('cases.my.supplement') : t('cases.my.open');
  return (
    <List.Item
      actions={[
        // The spoken name starts with the words on the button (WCAG 2.5.3), so "去补正" is what a voice user says.
        <ButtonLink key="open" to={`/my/cases/${c.id}`} type={c.status === 'draft' || c.status === 'suspended' ? 'primary' : 'default'} aria-label={t('cases.my.actionNamed', { action, name: c.itemName })}>
          {action}
        </ButtonLink>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={8}>
            <Link to={`/my/cases/${c.id}`} style={{ fontSize: '1.05em' }}>
              {c.itemName}
            </Link>
            <CaseStatusTag status={c.status} />
          </Space>
        }
        description={
          <Space wrap size={[16, 4]}>
            <span>{c.caseNumber ? t('cases.my.number', { number: c.caseNumber }) : t('cases.my.noNumber')}</span>
            <span>{c.departmentName}</span>
            {c.submittedAt ? <span>{t('cases.my.submittedAt', { at: formatDateTime(c.submittedAt) })}</span> : <span>{t('cases.my.updatedAt', { at: formatDateTime(c.updatedAt) })}</span>}
            {!isClosed(c.status) && c.status !== 'draft' ? <LightBadge light={c.light} workingDaysLeft={c.workingDaysLeft} /> : null}
          </Space>
        }
      />
    </List.Item>
  );
}

/** 我的办件: every application of this person or enterprise, drafts and those waiting on them first in mind. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const cases = useMyCases({ status: filter === 'all' ? undefined : filter, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader title={t('cases.my.title')} description={t('cases.my.intro')} extra={<ButtonLink type="primary" to="/services">{t('cases.my.newApplication')}</ButtonLink>} />
      <Segmented<Filter>
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={(['all', 'draft', 'suspended', 'completed'] as const).map((f) => ({ value: f, label: t(`cases.my.filters.${f}`) }))}
        style={{ marginBottom: 16 }}
        aria-label={t('cases.my.filterLabel')}
      />
      <Card>
        <QueryState query={cases} isEmpty={(d) => d.total === 0} emptyText={filter === 'all' ? t('cases.my.empty') : t('cases.my.emptyFiltered')} emptyAction={filter === 'all' ? <ButtonLink type="primary" to="/services">{t('cases.my.findService')}</ButtonLink> : undefined}>
          {(data) => (
            <List
              itemLayout="vertical"
              dataSource={data.items}
              renderItem={(c) => <CaseRow key={c.id} c={c} />}
              pagination={data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
            />
          )}
        </QueryState>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('cases.my.help')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
