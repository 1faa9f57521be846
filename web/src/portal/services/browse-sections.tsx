import { useState } from 'react';
import { Card, Segmented, Skeleton, Typography } from 'antd';
import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CarOutlined,
  EditOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  ToolOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { ErrorResult } from '../../shared/ui/error-result';
import { textIn } from '../../shared/schema-form/logic';
import { useLifeEvents, useServiceSearch } from './api';

// Icons for the life events people recognise at a glance; an event the catalogue adds later gets the generic one.
const eventIcons: Readonly<Record<string, typeof AppstoreOutlined>> = {
  birth: SmileOutlined,
  education: BookOutlined,
  employment: SolutionOutlined,
  marriage: HeartOutlined,
  housing: HomeOutlined,
  medical: MedicineBoxOutlined,
  'social-insurance': SafetyCertificateOutlined,
  travel: CarOutlined,
  disability: TeamOutlined,
  'social-assistance': TeamOutlined,
  retirement: UserOutlined,
  veterans: FlagOutlined,
  death: AuditOutlined,
  'start-business': ShopOutlined,
  'operating-permits': SafetyCertificateOutlined,
  construction: ToolOutlined,
  transport: CarOutlined,
  hiring: UsergroupAddOutlined,
  tax: BankOutlined,
  'enterprise-change': EditOutlined,
  closing: StopOutlined,
};

/**
 * 按人生事件办事: the moments of a life (出生, 上学, 就业 …) or of an enterprise (开办企业 …), each a door into the
 * catalogue. Events with nothing on offer yet are left out rather than leading to an empty list.
 */
export function LifeEventBrowser() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [audience, setAudience] = useState<'person' | 'enterprise'>('person');
  const events = useLifeEvents();
  return (
    <section aria-labelledby="life-events-title" style={{ marginBottom: 32 }}>
      <div className="zt-page-header">
        <Typography.Title level={2} id="life-events-title" style={{ fontSize: '1.35em' }}>
          {t('services.browse.lifeEvents')}
        </Typography.Title>
        <Segmented<'person' | 'enterprise'>
          value={audience}
          onChange={setAudience}
          aria-label={t('services.search.facets.audience')}
          options={[
            { value: 'person', label: t('services.browse.person') },
            { value: 'enterprise', label: t('services.browse.enterprise') },
          ]}
        />
      </div>
      {events.isPending ? <Skeleton active /> : null}
      {events.isError ? <ErrorResult error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        <ul className="zt-event-grid">
          {events.data.items
            .filter((e) => e.audience === audience && e.itemCount > 0)
            .sort((a, b) => a.sort - b.sort)
            .map((e) => {
              const Icon = eventIcons[e.code] ?? AppstoreOutlined;
              return (
                <li key={e.code}>
                  <Link to={withQuery('/services', { lifeEvent: e.code, audience })} className="zt-event-tile">
                    <Icon aria-hidden="true" className="zt-event-icon" />
                    <span className="zt-event-name">{textIn(e.name, locale)}</span>
                    <span className="zt-muted">{t('services.browse.itemCount', { count: e.itemCount })}</span>
                  </Link>
                </li>
              );
            })}
        </ul>
      ) : null}
    </section>
  );
}

/** 按部门办事: every department that offers something, with how many items. */
export function DepartmentBrowser() {
  const { t } = useTranslation();
  const all = useServiceSearch({ pageSize: 1 });
  const departments = all.data?.facets.departments ?? [];
  return (
    <section aria-labelledby="departments-title" style={{ marginBottom: 32 }} className="zt-hide-elderly">
      <Typography.Title level={2} id="departments-title" style={{ fontSize: '1.35em' }}>
        {t('services.browse.departments')}
      </Typography.Title>
      {all.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {all.isError ? <ErrorResult error={all.error} onRetry={() => void all.refetch()} /> : null}
      {all.data ? (
        <Card>
          <ul className="zt-department-list">
            {departments.map((d) => (
              <li key={d.id}>
                <Link to={withQuery('/services', { departmentId: d.id })}>
                  {d.name} <span className="zt-muted">({d.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </section>
  );
}
