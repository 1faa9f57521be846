import { useEffect } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { openDatasetSettingsInput, type OpenDataAdminRow, type OpenDatasetSettingsView } from '@zhengtong/contracts';
import { api, isApiError } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { openKeys, openPaths } from '../../../open/api';

type Values = Omit<OpenDatasetSettingsView, 'version' | 'updatedAt' | 'updatedByName'>;
const formFields = ['isFeatured', 'featuredRank', 'licenceName', 'licenceTerms', 'contactName', 'contactEmail', 'contactPhone'];

/** A dataset's portal settings (featured, licence, contact), saved with the version read. */
export function SettingsDrawer({ row, onClose }: { row: OpenDataAdminRow | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const queryClient = useQueryClient();
  const shape = openDatasetSettingsInput.shape;

  useEffect(() => {
    if (!row) return;
    problem.clear();
    form.setFieldsValue(row.settings);
  }, [row]); // a fresh form for each dataset

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!row) throw new Error('no dataset');
      return api.put<OpenDatasetSettingsView>(openPaths.settings(row.code), { ...v, featuredRank: v.featuredRank ?? 0, version: row.settings.version });
    },
    onMutate: () => problem.clear(),
    onSuccess: () => {
      void message.success(t('openData.admin.settings.saved'));
      void queryClient.invalidateQueries({ queryKey: openKeys.all });
      onClose();
    },
    onError: problem.handle,
  });
  const isConflict = isApiError(problem.error) && problem.error.status === 409;

  return (
    <Drawer
      open={row !== undefined}
      title={row ? t('openData.admin.settings.title', { name: row.name }) : ''}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={isConflict} onClick={() => form.submit()}>
            {t('common.actions.save')}
          </Button>
        </Space>
      }
    >
      {isConflict ? <Alert type="warning" showIcon title={t('openData.admin.settings.conflict')} style={{ marginBottom: 16 }} /> : problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="isFeatured" label={t('openData.admin.settings.isFeatured')} extra={t('openData.admin.settings.isFeaturedHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="featuredRank" label={t('openData.admin.settings.featuredRank')} extra={t('openData.admin.settings.featuredRankHelp')} rules={[rules.schema(shape.featuredRank)]}>
          <InputNumber min={0} max={999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="licenceName" label={t('openData.admin.settings.licenceName')} rules={[rules.schema(shape.licenceName)]}>
          <Input maxLength={60} placeholder={t('openData.admin.settings.licenceNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="licenceTerms" label={t('openData.admin.settings.licenceTerms')} rules={[rules.schema(shape.licenceTerms)]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="contactName" label={t('openData.admin.settings.contactName')} rules={[rules.schema(shape.contactName)]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('openData.admin.settings.contactEmail')} rules={[rules.schema(shape.contactEmail)]}>
          <Input maxLength={120} inputMode="email" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('openData.admin.settings.contactPhone')} rules={[rules.schema(shape.contactPhone)]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
