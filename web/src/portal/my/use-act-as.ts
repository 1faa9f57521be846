import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useReplaceSession } from '../../auth/session';

/** A citizen starts or stops acting as an enterprise's 经办人; everything loaded as the other identity is dropped. */
export function useActAs() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: (enterpriseId: string | null) => api.post<MeView>('/api/auth/act-as', { enterpriseId }),
    onSuccess: (me) => {
      replaceSession(me);
      void message.success(me.enterpriseId ? t('portal.my.acting.started', { enterprise: me.enterpriseName ?? '' }) : t('portal.my.acting.stopped'));
    },
    onError: (error) => void message.error(error.message),
  });
}
