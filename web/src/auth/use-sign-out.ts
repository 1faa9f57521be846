import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api/client';
import { useReplaceSession } from './session';

export function useSignOut(options: { everywhere?: boolean } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>(options.everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout'),
    // Even when the server call fails the person asked to leave: forget the session here too.
    onSettled: () => {
      replaceSession(null);
      void message.info(t('common.sessionEnded'));
      void navigate(options.everywhere ? '/login' : '/', { replace: true });
    },
  });
}
