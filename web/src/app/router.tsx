import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import type { Permission } from '@zhengtong/contracts';
import { FullPageSpin, RequireSession } from '../auth/require-session';
import { SessionWatcher } from '../auth/session-watcher';
import { LoginPage } from '../auth/login-page';
import { RegisterChoicePage } from '../auth/register-choice-page';
import { RegisterCitizenPage } from '../auth/register-citizen-page';
import { RegisterEnterprisePage } from '../auth/register-enterprise-page';
import { SetupPasswordPage } from '../auth/setup-password-page';
import { SetupTotpPage } from '../auth/setup-totp-page';
import { PortalHomePage } from '../portal/home-page';
import { ServicesPage } from '../portal/services/services-page';
import { ServiceGuidePage } from '../portal/services/service-guide-page';
import { ApplyPage } from '../portal/cases/apply-page';
import { MyCasesPage } from '../portal/cases/my-cases-page';
import { CaseDetailPage } from '../portal/cases/case-detail-page';
import { NotificationsPage } from '../portal/cases/notifications-page';
import { TrackingPage } from '../portal/cases/tracking-page';
import { CaseQueuePage } from '../workbench/cases/queue-page';
import { StaffCasePage } from '../workbench/cases/case-page';
import { WindowPage } from '../workbench/window/window-page';
import { LicenseFreeRatePage } from '../workbench/license-free-rate-page';
import { MyLayout } from '../portal/my/my-layout';
import { ProfilePage } from '../portal/my/profile-page';
import { DataUsePage } from '../portal/my/data-use-page';
import { AgentsPage } from '../portal/my/agents-page';
import { ActingPage } from '../portal/my/acting-page';
import { MySecurityPage } from '../portal/my/security-page';
import { IdentityCodePage } from '../portal/my/identity-code-page';
import { WorkbenchHomePage } from '../workbench/home-page';
import { StaffSecurityPage } from '../workbench/security-page';
import { PersonLookupPage } from '../workbench/person-lookup-page';
import { IdentityCodeScanPage } from '../workbench/identity-code-scan-page';
import { LicensesPage } from '../workbench/licenses/licenses-page';
import { StaffLicensePage } from '../workbench/licenses/license-page';
import { LicenseImportPage } from '../workbench/licenses/import-page';
import { WalletPage } from '../portal/licenses/wallet-page';
import { MyLicensePage } from '../portal/licenses/license-page';
import { VerifyLicensePage } from '../verify/verify-license-page';
import { VerifyCheckPage } from '../verify/verify-check-page';
import { adminPermissions, adminSections, type AdminSectionKey } from '../admin/sections';
import { PortalLayout } from './layouts/portal-layout';
import { WorkbenchLayout } from './layouts/workbench-layout';
import { AdminLayout } from './layouts/admin-layout';
import { CockpitLayout } from './layouts/cockpit-layout';
import { NotFoundPage } from './not-found-page';
import { Guarded } from './guarded';
import { dataWorkbenchRoutes } from '../workbench/data/routes';
import { openDataRoutes } from '../open/routes';
import { portalDataRoutes } from '../portal/my/data-routes';

// The cockpit (ECharts) and the admin screens load on demand: citizens never download them.
function named<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const CockpitPage = named(() => import('../cockpit/cockpit-page'), 'CockpitPage');
const adminPages: Record<AdminSectionKey, ComponentType> = {
  catalogue: named(() => import('../admin/catalogue/catalogue-page'), 'CataloguePage'),
  licenseTypes: named(() => import('../admin/license-types/license-types-page'), 'LicenseTypesPage'),
  regions: named(() => import('../admin/regions/regions-page'), 'RegionsPage'),
  departments: named(() => import('../admin/departments/departments-page'), 'DepartmentsPage'),
  staff: named(() => import('../admin/staff/staff-page'), 'StaffPage'),
  roles: named(() => import('../admin/roles/roles-page'), 'RolesPage'),
  oidcClients: named(() => import('../admin/oidc-clients/oidc-clients-page'), 'OidcClientsPage'),
  calendar: named(() => import('../admin/calendar/calendar-page'), 'CalendarPage'),
  securityPolicy: named(() => import('../admin/security-policy/security-policy-page'), 'SecurityPolicyPage'),
  seals: named(() => import('../admin/seals/seals-page'), 'SealsPage'),
  audit: named(() => import('../admin/audit/audit-page'), 'AuditPage'),
  outbox: named(() => import('../admin/outbox/outbox-page'), 'OutboxPage'),
};
const CatalogueItemPage = named(() => import('../admin/catalogue/item-page'), 'ItemPage');
const CatalogueVersionPage = named(() => import('../admin/catalogue/version-page'), 'VersionPage');
const catalogueAccess: readonly Permission[] = ['service-item.manage', 'service-item.review'];

function Root() {
  return (
    <>
      <SessionWatcher />
      <Outlet />
    </>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        path: '/',
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: 'services', element: <ServicesPage /> },
          { path: 'services/:itemId', element: <ServiceGuidePage /> },
          {
            path: 'services/:itemId/apply',
            element: (
              <RequireSession accountTypes={['citizen', 'enterprise']}>
                <ApplyPage />
              </RequireSession>
            ),
          },
          { path: 'track/:code', element: <TrackingPage /> },
          { path: 'verify', element: <VerifyCheckPage /> },
          { path: 'verify/:id', element: <VerifyLicensePage /> },
          ...openDataRoutes,
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterChoicePage /> },
          { path: 'register/citizen', element: <RegisterCitizenPage /> },
          { path: 'register/enterprise', element: <RegisterEnterprisePage /> },
          { path: 'setup/password', element: <SetupPasswordPage /> },
          { path: 'setup/totp', element: <SetupTotpPage /> },
          {
            path: 'my',
            element: (
              <RequireSession accountTypes={['citizen', 'enterprise']}>
                <MyLayout />
              </RequireSession>
            ),
            children: [
              { index: true, element: <ProfilePage /> },
              { path: 'data-use', element: <DataUsePage /> },
              { path: 'identity-code', element: <IdentityCodePage /> },
              { path: 'licenses', element: <WalletPage /> },
              { path: 'licenses/:id', element: <MyLicensePage /> },
              { path: 'agents', element: <RequireSession accountTypes={['enterprise']}><AgentsPage /></RequireSession> },
              { path: 'acting', element: <RequireSession accountTypes={['citizen']}><ActingPage /></RequireSession> },
              { path: 'security', element: <MySecurityPage /> },
              { path: 'cases', element: <MyCasesPage /> },
              { path: 'cases/:id', element: <CaseDetailPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              ...portalDataRoutes,
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '/workbench',
        element: (
          <RequireSession isStandalone accountTypes={['staff']}>
            <WorkbenchLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <WorkbenchHomePage /> },
          { path: 'security', element: <StaffSecurityPage /> },
          { path: 'persons', element: <Guarded anyOf={['person.read']}><PersonLookupPage /></Guarded> },
          { path: 'cases', element: <Guarded anyOf={['case.read']}><CaseQueuePage /></Guarded> },
          { path: 'cases/:id', element: <Guarded anyOf={['case.read']}><StaffCasePage /></Guarded> },
          { path: 'window', element: <Guarded anyOf={['case.window']}><WindowPage /></Guarded> },
          { path: 'license-free-rate', element: <Guarded anyOf={['case.oversee']}><LicenseFreeRatePage /></Guarded> },
          { path: 'identity-codes', element: <Guarded anyOf={['identity-code.scan']}><IdentityCodeScanPage /></Guarded> },
          { path: 'licenses', element: <Guarded anyOf={['license.read']}><LicensesPage /></Guarded> },
          { path: 'licenses/import', element: <Guarded anyOf={['license.issue']}><LicenseImportPage /></Guarded> },
          { path: 'licenses/:id', element: <Guarded anyOf={['license.read']}><StaffLicensePage /></Guarded> },
          ...dataWorkbenchRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '/cockpit',
        element: (
          <RequireSession isStandalone accountTypes={['staff']} anyOf={['cockpit.view']}>
            <CockpitLayout />
          </RequireSession>
        ),
        children: [{ index: true, element: <Suspense fallback={<FullPageSpin />}><CockpitPage /></Suspense> }],
      },
      {
        path: '/admin',
        element: (
          <RequireSession isStandalone accountTypes={['staff']} anyOf={adminPermissions}>
            <AdminLayout />
          </RequireSession>
        ),
        children: [
          ...adminSections.map((s) => {
            const Page = adminPages[s.key];
            return { path: s.path.replace('/admin/', ''), element: <Guarded anyOf={s.anyOf}><Page /></Guarded> };
          }),
          { path: 'catalogue/items/:id', element: <Guarded anyOf={catalogueAccess}><CatalogueItemPage /></Guarded> },
          { path: 'catalogue/versions/:id', element: <Guarded anyOf={catalogueAccess}><CatalogueVersionPage /></Guarded> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
