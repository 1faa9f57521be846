import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The admin screens' create/edit drawer: a title, 取消 and 保存 at the top, the form inside. */
export function FormDrawer({ open, title, onClose, onSave, isSaving, children }: { open: boolean; title: ReactNode; onClose: () => void; onSave: () => void; isSaving: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={isSaving}>
            {t('common.actions.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
