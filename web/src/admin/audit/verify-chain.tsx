import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTimeSeconds } from '../../shared/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';

/** Recomputes the SM3 hash chain on the server and names the first broken record, if any. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api.post<AuditVerifyView>('/api/audit-records/verify') });
  const r = verify.data;
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('admin.audit.verify')}
      </Button>
      <div aria-live="polite" style={{ marginTop: r || verify.isError ? 12 : 0 }}>
        {verify.isError ? <ProblemAlert error={verify.error} /> : null}
        {r ? (
          <Alert
            type={r.isIntact ? 'success' : 'error'}
            showIcon
            title={r.isIntact ? t('admin.audit.intact', { count: r.checked }) : t('admin.audit.broken', { id: r.brokenId ?? '', count: r.checked })}
            description={
              <>
                {r.reason ? <div>{t(`admin.audit.reasons.${r.reason}`)}</div> : null}
                <div>{t('admin.audit.verifiedAt', { at: formatDateTimeSeconds(r.verifiedAt), ms: r.durationMs })}</div>
              </>
            }
          />
        ) : null}
      </div>
    </>
  );
}
