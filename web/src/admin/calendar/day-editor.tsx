import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { putCalendarDayInput, type CalendarDayView, type CalendarYearDetail } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';

type Kind = 'holiday' | 'workday' | 'normal';
type Values = { kind: Kind; name?: string };

/** Mark one day as a holiday or a 调休 workday, or back to the normal week. */
export function DayEditor({ date, year, current, onClose, onSaved }: { date: string | undefined; year: CalendarYearDetail; current: CalendarDayView | undefined; onClose: () => void; onSaved: (d: CalendarYearDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, ['kind', 'name', 'version']);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!date) return;
    problem.clear();
    form.setFieldsValue({ kind: current?.kind ?? 'normal', name: current?.name ?? '' });
  }, [date]); // reset only when another day is opened

  const save = useMutation({
    mutationFn: (v: Values) =>
      v.kind === 'normal'
        ? api.delete<CalendarYearDetail>(`/api/calendar/days/${date ?? ''}`, { version: year.version })
        : api.put<CalendarYearDetail>(`/api/calendar/days/${date ?? ''}`, { kind: v.kind, name: v.name ?? '', version: year.version }),
    onMutate: () => problem.clear(),
    onSuccess: (d) => {
      void message.success(t('common.states.saved'));
      onSaved(d);
    },
    onError: problem.handle,
  });

  return (
    <Modal
      open={date !== undefined}
      title={t('admin.calendar.editDay', { date: date ?? '' })}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('admin.calendar.arrangement')} rules={[rules.requiredChoice()]}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('admin.calendar.kinds.holiday') },
              { value: 'workday', label: t('admin.calendar.kinds.workday') },
              { value: 'normal', label: t('admin.calendar.kinds.normal'), disabled: !current },
            ]}
          />
        </Form.Item>
        {kind && kind !== 'normal' ? (
          <Form.Item name="name" label={t('admin.calendar.dayName')} extra={t('admin.calendar.dayNameHelp')} rules={[rules.required(), rules.schema(putCalendarDayInput.shape.name)]}>
            <Input maxLength={30} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
