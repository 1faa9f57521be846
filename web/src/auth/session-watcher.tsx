import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { MeView } from '@zhengtong/contracts';
import { onApiError } from '../shared/api/client';
import { meKey, useMe } from './session';

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Reacts to session-wide answers from any call: an ended session signs the tab out (the route guards then
 * send the person to /login), and a setup requirement re-reads /api/me so the guards route to the setup screen.
 * It also checks back when the idle timeout should have passed, so an unattended screen does not stay open.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const lastNotice = useRef(0);

  useEffect(
    () =>
      onApiError((error) => {
        switch (error.code) {
          case 'SESSION_EXPIRED':
          case 'UNAUTHENTICATED': {
            const wasSignedIn = queryClient.getQueryData<MeView | null>(meKey);
            if (!wasSignedIn) return;
            queryClient.setQueryData(meKey, null);
            if (error.code === 'SESSION_EXPIRED' && Date.now() - lastNotice.current > 5000) {
              lastNotice.current = Date.now();
              void message.warning({ content: error.problem.title, duration: 8 });
            }
            return;
          }
          case 'PASSWORD_CHANGE_REQUIRED':
          case 'TOTP_SETUP_REQUIRED':
            void queryClient.invalidateQueries({ queryKey: meKey });
            return;
          default:
            return;
        }
      }),
    [queryClient, message],
  );

  const expiresAt = me.data?.sessionExpiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const wait = Math.min(Math.max(Date.parse(expiresAt) - Date.now() + 2000, 5000), MAX_TIMER_MS);
    const timer = window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: meKey }), wait);
    return () => window.clearTimeout(timer);
  }, [expiresAt, queryClient]);

  return null;
}
