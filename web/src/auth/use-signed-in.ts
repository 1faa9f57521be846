import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { MeView } from '@zhengtong/contracts';
import { destinationAfterSignIn } from './return-to';
import { useReplaceSession } from './session';

/** Stores the new session and goes where the account should go next. */
export function useSignedIn() {
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useCallback(
    (me: MeView, returnTo: string | undefined) => {
      replaceSession(me);
      const destination = destinationAfterSignIn(me, returnTo);
      if (destination.isDocument) window.location.assign(destination.path);
      else void navigate(destination.path, { replace: true });
    },
    [replaceSession, navigate],
  );
}
