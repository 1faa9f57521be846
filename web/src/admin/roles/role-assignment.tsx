import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Modal, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rolePermissions, separatedRoles, separationConflict, staffRoles, type StaffRole, type StaffView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { roleLabel } from '../../workbench/home-page';

function isStaffRole(role: string): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

/** Choose roles for one person; a 三员分立 conflict is shown before saving, and the server refuses it too. */
export function RoleAssignment({ staff, onClose, onSaved }: { staff: StaffView | undefined; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [roles, setRoles] = useState<StaffRole[]>([]);
  useEffect(() => {
    setRoles(staff ? staff.roles.filter(isStaffRole) : []);
  }, [staff]);
  const conflict = separationConflict(roles);
  const save = useMutation({
    mutationFn: () => api.put<StaffView>(`/api/staff/${staff?.accountId ?? ''}/roles`, { roles, version: staff?.version }),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      onSaved();
    },
  });
  return (
    <Modal
      open={staff !== undefined}
      title={staff ? t('admin.roles.assignFor', { name: staff.name }) : ''}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      onOk={() => save.mutate()}
      okButtonProps={{ disabled: conflict.length > 0 }}
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      width={720}
      destroyOnHidden
    >
      {conflict.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('admin.roles.conflictNow', { roles: conflict.map((r) => roleLabel(r, locale)).join('、') })}
        />
      ) : null}
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      <Checkbox.Group<StaffRole> value={roles} onChange={(v) => setRoles(v)} style={{ width: '100%' }} aria-label={t('admin.staff.roles')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {staffRoles.map((role) => (
            <Checkbox key={role} value={role}>
              <strong>{roleLabel(role, locale)}</strong>{' '}
              {(separatedRoles as readonly string[]).includes(role) ? <Tag color="volcano">{t('admin.roles.separatedTag')}</Tag> : null}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {rolePermissions[role].map((p) => t(`admin.permissions.${p}`)).join('、')}
              </Typography.Text>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Modal>
  );
}
