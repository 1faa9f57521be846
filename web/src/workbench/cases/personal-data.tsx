import { useState } from 'react';
import { Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseUnmaskInput, type CasePersonalData, type FormField } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { api } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { can } from '../../shared/permissions';
import { casePaths } from '../../portal/cases/api';

type Values = { purpose: string };

/**
 * 查看完整信息: the staff view masks 身份证号 and phone numbers; whoever may unmask states a purpose, and the
 * server logs it (also in the citizen's data-use record). The full data lives only in this component's state.
 */
export function PersonalDataButton({ caseId, fields }: { caseId: string; fields: readonly FormField[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const [isAsking, setAsking] = useState(false);
  const problem = useFormProblem(form, ['purpose']);
  const unmask = useMutation({
    mutationFn: (v: Values) => api.post<CasePersonalData>(casePaths.unmask(caseId), { purpose: v.purpose.trim() }),
    onMutate: () => problem.clear(),
    onSuccess: () => setAsking(false),
    onError: (error) => problem.handle(error),
  });
  if (!can(me, 'person.unmask')) return null;
  const data = unmask.data;
  const label = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return field ? field.label[locale] || field.label['zh-CN'] : key;
  };
  return (
    <>
      {data ? (
        <div style={{ marginTop: 12 }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              ...(data.applicant.idNumber ? [{ key: 'id', label: t('workbench.cases.privacy.applicantId'), children: <span className="zt-code">{data.applicant.idNumber}</span> }] : []),
              ...(data.applicant.phone ? [{ key: 'phone', label: t('workbench.cases.privacy.applicantPhone'), children: <span className="zt-code">{data.applicant.phone}</span> }] : []),
              ...Object.entries(data.values).map(([key, value]) => ({ key, label: label(key), children: <span className="zt-code">{String(value)}</span> })),
            ]}
          />
          <Button size="small" style={{ marginTop: 8 }} onClick={() => unmask.reset()}>
            {t('workbench.cases.privacy.hide')}
          </Button>
        </div>
      ) : (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} style={{ marginTop: 12 }}>
          {t('workbench.cases.privacy.show')}
        </Button>
      )}
      <Modal
        open={isAsking}
        title={t('workbench.cases.privacy.title')}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        okText={t('workbench.cases.privacy.confirm')}
        okButtonProps={{ loading: unmask.isPending }}
        cancelText={t('common.actions.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('workbench.cases.privacy.text')}</Typography.Paragraph>
        {problem.alert}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => unmask.mutate(v)}>
          <Form.Item name="purpose" label={t('workbench.cases.privacy.purpose')} extra={t('workbench.cases.privacy.purposeHelp')} rules={[rules.required(), rules.schema(caseUnmaskInput.shape.purpose)]}>
            <Input autoFocus maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
