import { useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, createCalendarYearInput, type CalendarYearDetail } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';

type Values = { year: number; source: string; isProvisional?: boolean };

/** A year is added before its State Council notice is out as provisional, and confirmed later. */
export function AddYear({ onAdded }: { onAdded: (d: CalendarYearDetail) => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, Object.keys(createCalendarYearInput.shape));
  const add = useMutation({
    mutationFn: (v: Values) => api.post<CalendarYearDetail>('/api/calendar/years', { year: v.year, source: v.source, isProvisional: v.isProvisional ?? false }),
    onMutate: () => problem.clear(),
    onSuccess: (d) => {
      setOpen(false);
      onAdded(d);
    },
    onError: problem.handle,
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => {
        form.resetFields();
        form.setFieldsValue({ year: new Date().getFullYear() + 1, isProvisional: true });
        problem.clear();
        setOpen(true);
      }}>
        {t('admin.calendar.addYear')}
      </Button>
      <Modal
        open={isOpen}
        title={t('admin.calendar.addYear')}
        okText={t('common.actions.save')}
        cancelText={t('common.actions.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={add.isPending}
      >
        {problem.alert}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="year" label={t('admin.calendar.year')} rules={[rules.requiredChoice()]}>
            <InputNumber min={CALENDAR_MIN_YEAR} max={CALENDAR_MAX_YEAR} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="source" label={t('admin.calendar.source')} extra={t('admin.calendar.sourceHelp')} rules={[rules.required(), rules.schema(createCalendarYearInput.shape.source)]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="isProvisional" valuePropName="checked">
            <Checkbox>{t('admin.calendar.isProvisional')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
