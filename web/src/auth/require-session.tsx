import type { ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeView, Permission } from '@zhengtong/contracts';
import { ErrorResult } from '../shared/ui/error-result';
import { ButtonLink } from '../shared/ui/button-link';
import { usePageTitle } from '../shared/ui/page-title';
import { canAny } from '../shared/permissions';
import { destinationAfterSignIn, homePathFor, withReturnTo } from './return-to';
import { useMe } from './session';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ display: 'grid', placeItems: 'center', minHeight: '50vh' }}>
      <Spin size="large" />
      <span className="zt-visually-hidden">{t('common.states.loading')}</span>
    </div>
  );
}

export function Forbidden({ title, description }: { title?: string; description?: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const heading = title ?? t('common.forbidden.title');
  usePageTitle(heading);
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{heading}</h1>}
      subTitle={description ?? t('common.forbidden.description')}
      extra={
        <ButtonLink type="primary" to={me ? homePathFor(me) : '/'}>
          {t('common.actions.home')}
        </ButtonLink>
      }
    />
  );
}

type Props = {
  /** Outside any layout (guarding a whole face): refusals get their own <main> so the page keeps its landmark. */
  isStandalone?: boolean;
  accountTypes?: readonly MeView['accountType'][];
  /** Any one of these lets the person in; each screen inside checks its own. */
  anyOf?: readonly Permission[];
  children?: ReactNode;
};

/** Signed in, setup finished, right kind of account, and allowed: otherwise say so or send to the right place. */
function Standalone({ isStandalone, children }: { isStandalone: boolean; children: ReactNode }) {
  return isStandalone ? (
    <main id="main" tabIndex={-1} className="zt-content">
      {children}
    </main>
  ) : (
    <>{children}</>
  );
}

export function RequireSession({ isStandalone = false, accountTypes, anyOf, children }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Standalone isStandalone={isStandalone}>
        <ErrorResult error={me.error} onRetry={() => void me.refetch()} />
      </Standalone>
    );
  }
  const account = me.data;
  const here = `${location.pathname}${location.search}`;
  if (!account) return <Navigate to={withReturnTo('/login', here)} replace />;
  if (account.stage !== 'full') return <Navigate to={destinationAfterSignIn(account, here).path} replace />;
  if (accountTypes && !accountTypes.includes(account.accountType)) {
    return (
      <Standalone isStandalone={isStandalone}>
        <Forbidden title={t('common.wrongAccountType.title')} description={t('common.wrongAccountType.description')} />
      </Standalone>
    );
  }
  if (anyOf && !canAny(account, anyOf)) {
    return (
      <Standalone isStandalone={isStandalone}>
        <Forbidden />
      </Standalone>
    );
  }
  return <>{children ?? <Outlet />}</>;
}

/** For screens inside a guard: the account is there. */
export function useSignedInMe(): MeView {
  const me = useMe();
  if (!me.data) throw new Error('useSignedInMe outside RequireSession');
  return me.data;
}
