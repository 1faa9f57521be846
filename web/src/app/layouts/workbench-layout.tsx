import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { MainContent } from './main-content';
import { SkipLink } from './skip-link';
import { StaffHeader } from './staff-header';

export function WorkbenchLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <StaffHeader face="workbench" />
      <MainContent>
        <div className="zt-content">
          <Outlet />
        </div>
      </MainContent>
    </Layout>
  );
}
