import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Divider, Form, Input, InputNumber, Space, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AGGREGATE_DEFAULT_K,
  AGGREGATE_MAX_CLAMP,
  AGGREGATE_MAX_EPSILON,
  AGGREGATE_MAX_K,
  AGGREGATE_MIN_EPSILON,
  AGGREGATE_MIN_K,
  type AggregateCandidateView,
  type AggregateMeasureSpec,
  type AggregateResourceView,
} from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../../shared/use-idempotency-key';
import { QueryState } from '../../../shared/ui/query-state';
import { FormDrawer } from '../../../admin/shared/form-drawer';
import { aggregatePaths, useCandidate } from './api';

type Values = {
  dimensions: string[];
  measures: Partial<AggregateMeasureSpec>[];
  k: number;
  isNoisy: boolean;
  epsilon: number;
  isActive: boolean;
  note: string;
};

const formFields = ['dimensions', 'measures', 'k', 'isNoisy', 'epsilon', 'isActive', 'note', ...Array.from({ length: 10 }, (_, i) => [`measures.${i}.field`, `measures.${i}.clampMin`, `measures.${i}.clampMax`]).flat()];

function Settings({ candidate, isEditing }: { candidate: AggregateCandidateView; isEditing: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const isNoisy = Form.useWatch<boolean | undefined>('isNoisy');
  const dimensions = candidate.fields.filter((f) => f.canBeDimension);
  const measureOptions = candidate.fields.filter((f) => f.canBeMeasure).map((f) => ({ value: f.key, label: f.name }));
  const unusable = candidate.fields.filter((f) => f.reason !== null);
  return (
    <>
      <Form.Item name="dimensions" label={t('dataAggregate.registration.dimensions')} extra={t('dataAggregate.registration.dimensionsHelp')} rules={[rules.requiredChoice()]}>
        <Checkbox.Group options={dimensions.map((f) => ({ value: f.key, label: f.name }))} />
      </Form.Item>
      {dimensions.length === 0 ? <Alert type="warning" showIcon title={t('dataAggregate.registration.noUsableFields')} style={{ marginBottom: 16 }} /> : null}
      {unusable.length > 0 ? (
        <Typography.Paragraph type="secondary">
          {unusable.map((f) => (
            <div key={f.key}>
              {f.name}:{t('dataAggregate.registration.cannotUse', { reason: f.reason ?? '' })}
            </div>
          ))}
        </Typography.Paragraph>
      ) : null}

      <Typography.Text strong>{t('dataAggregate.registration.measures')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dataAggregate.registration.measuresHelp')}
      </Typography.Paragraph>
      <Form.List name="measures">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[row.name, 'field']} label={t('dataAggregate.registration.measureField')} rules={[rules.requiredChoice()]}>
                  <Select style={{ width: 200 }} options={measureOptions} />
                </Form.Item>
                <Form.Item name={[row.name, 'clampMin']} label={t('dataAggregate.registration.clampMin')} rules={[rules.requiredChoice()]}>
                  <InputNumber precision={0} min={-AGGREGATE_MAX_CLAMP} max={AGGREGATE_MAX_CLAMP} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'clampMax']} label={t('dataAggregate.registration.clampMax')} rules={[rules.requiredChoice()]}>
                  <InputNumber precision={0} min={-AGGREGATE_MAX_CLAMP} max={AGGREGATE_MAX_CLAMP} style={{ width: 150 }} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('dataAggregate.registration.removeMeasure', { n: index + 1 })} onClick={() => remove(row.name)} style={{ marginTop: 30 }} />
              </Space>
            ))}
            {measureOptions.length > 0 ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ clampMin: 0 })} style={{ marginBottom: 16 }}>
                {t('dataAggregate.registration.addMeasure')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>

      <Divider />
      <Form.Item name="k" label={t('dataAggregate.registration.k')} extra={t('dataAggregate.registration.kHelp')} rules={[rules.requiredChoice()]}>
        <InputNumber precision={0} min={AGGREGATE_MIN_K} max={AGGREGATE_MAX_K} />
      </Form.Item>
      <Form.Item name="isNoisy" label={t('dataAggregate.registration.isNoisy')} extra={t('dataAggregate.registration.isNoisyHelp')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {isNoisy ? (
        <Form.Item name="epsilon" label={t('dataAggregate.registration.epsilon')} extra={t('dataAggregate.registration.epsilonHelp')} rules={[rules.requiredChoice()]}>
          <InputNumber min={AGGREGATE_MIN_EPSILON} max={AGGREGATE_MAX_EPSILON} step={0.1} />
        </Form.Item>
      ) : null}
      {isEditing ? (
        <Form.Item name="isActive" label={t('dataAggregate.registration.isActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('dataAggregate.registration.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} showCount placeholder={t('dataAggregate.registration.notePlaceholder')} />
      </Form.Item>
    </>
  );
}

function valuesOf(existing: AggregateResourceView | null): Values {
  if (!existing) return { dimensions: [], measures: [], k: AGGREGATE_DEFAULT_K, isNoisy: false, epsilon: 1, isActive: true, note: '' };
  return {
    dimensions: existing.dimensions.map((d) => d.key),
    measures: existing.measures.map((m) => ({ field: m.key, clampMin: m.clampMin, clampMax: m.clampMax })),
    k: existing.k,
    isNoisy: existing.isNoisy,
    epsilon: existing.epsilon,
    isActive: existing.isActive,
    note: existing.note,
  };
}

/**
 * 登记 / 修改登记: find a published resource by its code, then choose what may be grouped and summed, k and the
 * noise. Editing starts from the registration and sends its version.
 */
export function RegistrationDrawer({ open, existing, onClose, onSaved }: { open: boolean; existing: AggregateResourceView | null; onClose: () => void; onSaved: (saved: AggregateResourceView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();
  const [code, setCode] = useState('');
  const [ref, setRef] = useState<string | null>(null);
  const candidate = useCandidate(open ? (existing?.resourceId ?? ref) : null);
  const candidateData = candidate.data;
  const isBlocked = !existing && candidateData?.isRegistered === true;


  const save = useMutation({
    mutationFn: (v: Values) => {
      const settings = { dimensions: v.dimensions, measures: v.measures, k: v.k, isNoisy: v.isNoisy, epsilon: v.epsilon, note: v.note ?? '' };
      if (existing) return api.put<AggregateResourceView>(aggregatePaths.resource(existing.resourceId), { ...settings, isActive: v.isActive, version: existing.version });
      return api.post<AggregateResourceView>(aggregatePaths.resources, { ...settings, resource: candidateData?.resourceCode ?? code }, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: onSaved,
    onError: problem.handle,
  });

  return (
    <FormDrawer
      open={open}
      title={existing ? t('dataAggregate.registration.editTitle', { name: existing.resourceName }) : t('dataAggregate.registration.createTitle')}
      onClose={onClose}
      onSave={() => (candidateData && !isBlocked ? form.submit() : undefined)}
      isSaving={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('dataAggregate.registration.intro')}</Typography.Paragraph>
      {existing ? null : (
        <Input.Search
          aria-label={t('dataAggregate.registration.code')}
          placeholder={t('dataAggregate.registration.codePlaceholder')}
          enterButton={t('dataAggregate.registration.find')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(v) => {
            // Another resource has other fields: start from the defaults again.
            if (candidateData) form.resetFields();
            setRef(v.trim() || null);
          }}
          style={{ marginBottom: 16 }}
          className="zt-code"
        />
      )}
      {problem.alert}
      {ref === null && !existing ? null : (
        <QueryState query={candidate}>
          {(found) => (
            <>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('dataAggregate.query.resource')}>
                  {t('dataAggregate.registration.found', { name: found.resourceName, provider: found.providerName, count: found.recordCount })}
                  <div className="zt-code zt-muted">{found.resourceCode}</div>
                </Descriptions.Item>
              </Descriptions>
              {isBlocked ? <Alert type="warning" showIcon title={t('dataAggregate.registration.alreadyRegistered')} /> : null}
              <Form<Values> key={found.resourceId} form={form} layout="vertical" initialValues={valuesOf(existing)} onFinish={(v) => save.mutate(v)} scrollToFirstError={{ focus: true }} disabled={isBlocked}>
                <Settings candidate={found} isEditing={existing !== null} />
              </Form>
            </>
          )}
        </QueryState>
      )}
    </FormDrawer>
  );
}
