import { Button, Result, Typography } from 'antd';
import type { ResultProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { isMessageKey } from '../api/problem';

function statusOf(error: unknown): ResultProps['status'] {
  if (!isApiError(error)) return 'error';
  switch (error.code) {
    case 'FORBIDDEN':
    case 'OUT_OF_SCOPE':
      return '403';
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
      return '404';
    default:
      return error.status >= 500 || error.status === 0 ? '500' : 'warning';
  }
}

/** A failed load, in words a person can act on, with a way to try again. */
export function ErrorResult({ error, onRetry, isRetrying }: { error: unknown; onRetry?: () => void; isRetrying?: boolean }) {
  const { t } = useTranslation();
  const problem = isApiError(error) ? error.problem : undefined;
  return (
    <div role="alert">
      <Result
        status={statusOf(error)}
        title={problem?.title ?? t('common.states.loadFailed')}
        subTitle={
          <>
            {problem?.detail && !isMessageKey(problem.detail) ? <div>{problem.detail}</div> : null}
            {problem?.requestId ? (
              <Typography.Text type="secondary">{t('common.states.requestId', { requestId: problem.requestId })}</Typography.Text>
            ) : null}
          </>
        }
        extra={
          onRetry ? (
            <Button icon={<ReloadOutlined />} onClick={onRetry} loading={isRetrying}>
              {t('common.actions.retry')}
            </Button>
          ) : null
        }
      />
    </div>
  );
}
