import type { ReactNode } from 'react';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { DashboardOutlined, FileProtectOutlined, FileSearchOutlined, IdcardOutlined, PieChartOutlined, SafetyOutlined, ScanOutlined, ShopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { roleNames, type MeView } from '@zhengtong/contracts';
import { useSignedInMe } from '../auth/require-session';
import { visibleAdminSections } from '../admin/sections';
import { dataSections } from './data/sections';
import { currentLocale } from '../shared/forms/rules';
import { can, canAny } from '../shared/permissions';
import { ButtonLink } from '../shared/ui/button-link';
import { PageHeader } from '../shared/ui/page-header';

type Tile = { to: string; icon: ReactNode; title: string; text: string };

function useTiles(me: MeView): Tile[] {
  const { t } = useTranslation();
  const tiles: Tile[] = [];
  if (can(me, 'case.read')) tiles.push({ to: '/workbench/cases', icon: <FileSearchOutlined />, title: t('workbench.cases.title'), text: t('workbench.home.casesText') });
  if (can(me, 'case.window')) tiles.push({ to: '/workbench/window', icon: <ShopOutlined />, title: t('workbench.window.title'), text: t('workbench.home.windowText') });
  if (can(me, 'license.read')) tiles.push({ to: '/workbench/licenses', icon: <FileProtectOutlined />, title: t('licenses.staff.title'), text: t('licenses.staff.homeText') });
  if (can(me, 'case.oversee')) tiles.push({ to: '/workbench/license-free-rate', icon: <PieChartOutlined />, title: t('cases.licenseFreeRate.title'), text: t('cases.licenseFreeRate.homeText') });
  if (can(me, 'identity-code.scan')) tiles.push({ to: '/workbench/identity-codes', icon: <ScanOutlined />, title: t('identityCodes.scan.title'), text: t('identityCodes.scan.homeText') });
  if (can(me, 'cockpit.view')) tiles.push({ to: '/cockpit', icon: <DashboardOutlined />, title: t('common.faces.cockpit'), text: t('workbench.home.cockpitText') });
  if (can(me, 'person.read')) tiles.push({ to: '/workbench/persons', icon: <IdcardOutlined />, title: t('workbench.persons.title'), text: t('workbench.home.personsText') });
  for (const s of dataSections.filter((d) => canAny(me, d.anyOf))) {
    tiles.push({ to: s.path, icon: s.icon, title: t(`${s.key}.tile.title`), text: t(`${s.key}.tile.text`) });
  }
  for (const s of visibleAdminSections(me)) {
    tiles.push({ to: s.path, icon: s.icon, title: t(`admin.sections.${s.key}.title`), text: t(`admin.sections.${s.key}.description`) });
  }
  tiles.push({ to: '/workbench/security', icon: <SafetyOutlined />, title: t('auth.security.title'), text: t('workbench.home.securityText') });
  return tiles;
}

export function roleLabel(role: string, locale: 'zh-CN' | 'en-US'): string {
  return role in roleNames ? roleNames[role as keyof typeof roleNames][locale] : role;
}

/** 工作台: what this staff member's roles let them do, and nothing they cannot. */
export function WorkbenchHomePage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const tiles = useTiles(me);
  return (
    <>
      <PageHeader title={t('workbench.home.title')} description={t('workbench.home.greeting', { name: me.displayName })} />
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size="small">
          <Typography.Text>
            <strong>{t('workbench.home.department')}</strong> {me.departmentName ?? t('common.none')}
          </Typography.Text>
          <Space wrap>
            <strong>{t('workbench.home.roles')}</strong>
            {me.roles.length > 0 ? (
              me.roles.map((r) => (
                <Tag key={r} color="blue">
                  {roleLabel(r, locale)}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">{t('workbench.home.noRoles')}</Typography.Text>
            )}
          </Space>
        </Space>
      </Card>
      {me.totpEnabled ? null : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('workbench.home.totpSuggestion')}
          action={
            <ButtonLink size="small" to="/setup/totp">
              {t('auth.security.totpEnrol')}
            </ButtonLink>
          }
        />
      )}
      <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
        {t('workbench.home.tilesTitle')}
      </Typography.Title>
      <ul className="zt-card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className="zt-card-link">
              <Card hoverable>
                <Typography.Title level={3} style={{ fontSize: '1.1em', marginTop: 0 }}>
                  <span aria-hidden="true">{tile.icon}</span> {tile.title}
                </Typography.Title>
                <Typography.Text type="secondary">{tile.text}</Typography.Text>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
      {tiles.length === 1 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('workbench.home.fewTiles')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
