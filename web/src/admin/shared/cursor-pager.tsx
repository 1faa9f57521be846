import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { useCursorPages } from './cursor-pages';

export function CursorPager({ pages, nextCursor, total, isTotalCapped }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null; total: number; isTotalCapped: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginTop: 12, justifyContent: 'space-between', width: '100%' }}>
      <Typography.Text type="secondary">
        {isTotalCapped ? t('admin.common.totalCapped', { total }) : t('common.states.total', { total })} · {t('admin.common.pageNumber', { page: pages.pageNumber })}
      </Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious} onClick={pages.previous}>
          {t('admin.common.previousPage')}
        </Button>
        <Button disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
          {t('admin.common.nextPage')} <RightOutlined />
        </Button>
      </Space>
    </Space>
  );
}
