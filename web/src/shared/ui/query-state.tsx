import type { ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from './error-result';

type Props<T> = {
  query: UseQueryResult<T>;
  /** When the loaded data counts as "nothing yet" (shows the empty state instead of children). */
  isEmpty?: (data: T) => boolean;
  /** A helpful sentence: what is missing and what to do about it. */
  emptyText?: ReactNode;
  emptyAction?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
};

/** The one way every data screen shows loading, empty and failed states. */
export function QueryState<T>({ query, isEmpty, emptyText, emptyAction, rows = 4, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div role="status" aria-busy="true">
        <span className="zt-visually-hidden">{t('common.states.loading')}</span>
        <Skeleton active paragraph={{ rows }} />
      </div>
    );
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />;
  }
  const data = query.data;
  if (isEmpty?.(data)) {
    return (
      <Empty description={emptyText ?? t('common.states.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE}>
        {emptyAction}
      </Empty>
    );
  }
  return <>{children(data)}</>;
}
