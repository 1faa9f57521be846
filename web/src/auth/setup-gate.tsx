import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { MeView } from '@zhengtong/contracts';
import { ErrorResult } from '../shared/ui/error-result';
import { FullPageSpin } from './require-session';
import { destinationAfterSignIn, safeReturnTo, withReturnTo } from './return-to';
import { useMe } from './session';

/**
 * The first-login screens need a session in a setup stage. Anyone else is sent on: visitors to sign in,
 * accounts in the other stage to their screen. `allowFull` lets a finished account use the screen by choice.
 */
export function SetupGate({ stage, allowFull, children }: { stage: MeView['stage']; allowFull?: (me: MeView) => boolean; children: (me: MeView, returnTo: string | undefined) => ReactNode }) {
  const me = useMe();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  const account = me.data;
  if (!account) return <Navigate to={withReturnTo('/login', returnTo)} replace />;
  const isHere = account.stage === stage || (account.stage === 'full' && allowFull?.(account) === true);
  if (!isHere) return <Navigate to={destinationAfterSignIn(account, returnTo).path} replace />;
  return <>{children(account, returnTo)}</>;
}
