import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditExportQuery, auditResults, type AuditFilter, type AuditResult } from '@zhengtong/contracts';
import { currentLocale, schemaFieldErrors } from '../../shared/forms/rules';

type Values = {
  range?: [Dayjs | null, Dayjs | null] | null;
  actorName?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
  ip?: string;
  requestId?: string;
};

function clean(text: string | undefined): string | undefined {
  const v = text?.trim();
  return v ? v : undefined;
}

export function toFilter(v: Values): AuditFilter {
  return {
    from: v.range?.[0]?.format() ?? undefined,
    to: v.range?.[1]?.format() ?? undefined,
    actorName: clean(v.actorName),
    action: clean(v.action),
    objectType: clean(v.objectType),
    objectId: clean(v.objectId),
    result: v.result,
    ip: clean(v.ip),
    requestId: clean(v.requestId),
  };
}

/** The auditor's search: time range first (the trail is large), then who, what and outcome. */
export function AuditFilterForm({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => {
    const filter = toFilter(v);
    const issues = schemaFieldErrors(auditExportQuery, filter, locale);
    if (issues.length > 0) {
      form.setFields(issues.map((i) => ({ name: (i.name[0] === 'from' || i.name[0] === 'to' ? ['range'] : i.name) as never, errors: i.errors })));
      return;
    }
    onSearch(filter);
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 16 }}>
        <Form.Item name="range" label={t('admin.audit.range')} style={{ gridColumn: 'span 2', minWidth: 0 }}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="actorName" label={t('admin.audit.actorName')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')} extra={t('admin.audit.actionHelp')}>
          <Input allowClear spellCheck={false} />
        </Form.Item>
        <Form.Item name="result" label={t('admin.audit.result')}>
          <Select allowClear options={auditResults.map((r) => ({ value: r, label: t(`common.auditResults.${r}`) }))} />
        </Form.Item>
        <Form.Item name="objectType" label={t('admin.audit.objectType')}>
          <Input allowClear spellCheck={false} />
        </Form.Item>
        <Form.Item name="objectId" label={t('admin.audit.objectId')}>
          <Input allowClear spellCheck={false} />
        </Form.Item>
        <Form.Item name="ip" label={t('admin.audit.ip')}>
          <Input allowClear spellCheck={false} />
        </Form.Item>
        <Form.Item name="requestId" label={t('admin.audit.requestId')}>
          <Input allowClear spellCheck={false} />
        </Form.Item>
      </div>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.actions.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.actions.reset')}
        </Button>
      </Space>
    </Form>
  );
}
