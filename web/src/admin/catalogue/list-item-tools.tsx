import { Button, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Move up, move down, remove: a structured list editor instead of drag and drop (works by keyboard). */
export function ListItemTools({ index, count, move, remove, what }: { index: number; count: number; move: (from: number, to: number) => void; remove: (index: number) => void; what: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tooltip title={t('catalogue.list.moveUp')}>
        <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('catalogue.list.moveUpNamed', { name: what })} />
      </Tooltip>
      <Tooltip title={t('catalogue.list.moveDown')}>
        <Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={t('catalogue.list.moveDownNamed', { name: what })} />
      </Tooltip>
      <Tooltip title={t('catalogue.list.remove')}>
        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={t('catalogue.list.removeNamed', { name: what })} />
      </Tooltip>
    </Space>
  );
}
