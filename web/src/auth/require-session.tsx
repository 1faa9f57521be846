import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeView, Permission } from '@zhengtong/contracts';
import { ErrorResult } from '../shared/ui/error-result';
import { usePageTitle } from '../shared/ui/page-title';
import { canAny } from '../shared/permissions';
import { destinationAfterSignIn, withReturnTo } from './return-to';
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
  const heading = title ?? t('common.forbidden.title');
  usePageTitle(heading);
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{heading}</h1>}
      subTitle={description ?? t('common.forbidden.description')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.actions.home')}</Button>
        </Link>
      }
    />
  );
}

type Props = {
  accountTypes?: readonly MeView['accountType'][];
  /** Any one of these lets the person in; each screen inside checks its own. */
  anyOf?: readonly Permission[];
  children?: ReactNode;
};

/** Signed in, setup finished, right kind of account, and allowed: otherwise say so or send to the right place. */
export function RequireSession({ accountTypes, anyOf, children }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  const account = me.data;
  const here = `${location.pathname}${location.search}`;
  if (!account) return <Navigate to={withReturnTo('/login', here)} replace />;
  if (account.stage !== 'full') return <Navigate to={destinationAfterSignIn(account, here).path} replace />;
  if (accountTypes && !accountTypes.includes(account.accountType)) {
    return <Forbidden title={t('common.wrongAccountType.title')} description={t('common.wrongAccountType.description')} />;
  }
  if (anyOf && !canAny(account, anyOf)) return <Forbidden />;
  return <>{children ?? <Outlet />}</>;
}

/** For screens inside a guard: the account is there. */
export function useSignedInMe(): MeView {
  const me = useMe();
  if (!me.data) throw new Error('useSignedInMe outside RequireSession');
  return me.data;
}
