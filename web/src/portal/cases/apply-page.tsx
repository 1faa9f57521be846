import { Alert, Breadcrumb, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../auth/require-session';
import { ButtonLink } from '../../shared/ui/button-link';
import { usePageTitle } from '../../shared/ui/page-title';
import { QueryState } from '../../shared/ui/query-state';
import { useServiceGuide } from '../services/api';
import { ApplyFlow } from './apply-flow';

/** 在线办理: the application form of the guide's version, for the signed-in citizen or enterprise. */
export function ApplyPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const guide = useServiceGuide(itemId, params.get('implementationId') ?? undefined);
  usePageTitle(guide.data ? t('cases.apply.pageTitle', { name: guide.data.serviceItem.name }) : t('cases.apply.title'));
  return (
    <div className="zt-content">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('portal.nav.home')}</Link> },
          { title: guide.data ? <Link to={`/services/${itemId}?implementationId=${guide.data.implementation.id}`}>{guide.data.serviceItem.name}</Link> : t('services.guide.title') },
          { title: t('cases.apply.title') },
        ]}
      />
      <QueryState query={guide} rows={10}>
        {(g) => {
          const isPersonOnly = g.serviceItem.audience === 'person';
          const isEnterpriseOnly = g.serviceItem.audience === 'enterprise';
          const actsForEnterprise = me.accountType === 'enterprise' || me.enterpriseId !== null;
          const mismatch = (isEnterpriseOnly && !actsForEnterprise) || (isPersonOnly && me.accountType === 'enterprise');
          return (
            <>
              <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
                {t('cases.apply.pageTitle', { name: g.serviceItem.name })}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('cases.apply.handledBy', { department: g.implementation.department.name })}</Typography.Paragraph>
              {!g.channels.includes('online') ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('cases.apply.notOnline')} /> : null}
              {mismatch ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={isEnterpriseOnly ? t('cases.apply.enterpriseOnly') : t('cases.apply.personOnly')}
                  action={isEnterpriseOnly && me.accountType === 'citizen' ? <ButtonLink size="small" to="/my/acting">{t('portal.my.acting.title')}</ButtonLink> : undefined}
                />
              ) : null}
              <ApplyFlow
                target={{
                  versionId: g.id,
                  itemName: g.serviceItem.name,
                  departmentName: g.implementation.department.name,
                  form: g.form,
                  materials: g.materials,
                  resultFields: g.resultFields,
                  allowsPledge: g.allowsPledge,
                  allowsGaps: g.allowsGaps,
                  serviceItemId: g.serviceItem.id,
                }}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
