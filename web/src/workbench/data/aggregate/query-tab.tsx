import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AGGREGATE_MAX_FILTERS, AGGREGATE_MAX_GROUP_BY, AGGREGATE_MAX_MEASURES, aggregateFunctions, type AggregateQueryResult, type AggregateResourceView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { QueryState } from '../../../shared/ui/query-state';
import { aggregateKeys, aggregatePaths, useAggregateResources, useMyBudget } from './api';
import { queryBody, type QueryValues } from './query-body';
import { ResultView } from './result-view';

const formFields = [
  'resource',
  'groupBy',
  'measures',
  'filters',
  'purpose',
  ...Array.from({ length: AGGREGATE_MAX_MEASURES }, (_, i) => [`measures.${i}.fn`, `measures.${i}.field`]).flat(),
  ...Array.from({ length: AGGREGATE_MAX_FILTERS }, (_, i) => [`filters.${i}.field`, `filters.${i}.values`]).flat(),
];

/** The department's budget in one line: what is left this period, or that there is none. */
function BudgetLine() {
  const { t } = useTranslation();
  const mine = useMyBudget();
  if (mine.isPending || mine.isError) return null;
  const budget = mine.data.budget;
  if (!budget) return <Alert type="info" showIcon title={t('dataAggregate.budget.title')} description={t('dataAggregate.budget.none')} />;
  return (
    <Alert
      type={budget.remaining > 0 ? 'info' : 'warning'}
      showIcon
      title={t('dataAggregate.budget.remaining', { remaining: budget.remaining, limit: budget.epsilonPerPeriod })}
      description={t('dataAggregate.budget.summary', {
        period: t(`dataAggregate.period.${budget.period}`),
        limit: budget.epsilonPerPeriod,
        spent: budget.spent,
        count: budget.queryCount,
        remaining: budget.remaining,
        resetOn: budget.periodEnd,
      })}
    />
  );
}

/** Values seen in the answers so far, offered as filter values (the consumer may type others). */
function useSeenValues(results: readonly AggregateQueryResult[]) {
  return useMemo(() => {
    const seen = new Map<string, Set<string>>();
    for (const r of results) {
      r.groupBy.forEach((g, i) => {
        const values = seen.get(g.key) ?? new Set<string>();
        for (const group of r.groups) {
          const v = group.key[i];
          if (v) values.add(v);
        }
        seen.set(g.key, values);
      });
    }
    return seen;
  }, [results]);
}

function QueryForm({ resources, onResult }: { resources: AggregateResourceView[]; onResult: (result: AggregateQueryResult) => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<QueryValues>();
  const problem = useFormProblem(form, formFields);
  const [answers, setAnswers] = useState<AggregateQueryResult[]>([]);
  const seen = useSeenValues(answers);
  const resourceCode = Form.useWatch('resource', form);
  const registration = resources.find((r) => r.resourceCode === resourceCode);
  const dimensionOptions = (registration?.dimensions ?? []).map((d) => ({ value: d.key, label: d.name }));
  const measureOptions = (registration?.measures ?? []).map((m) => ({ value: m.key, label: m.name }));

  const run = useMutation({
    mutationFn: (values: QueryValues) => api.post<AggregateQueryResult>(aggregatePaths.queries, queryBody(values)),
    onMutate: () => problem.clear(),
    onSuccess: (result) => {
      setAnswers((previous) => [result, ...previous].slice(0, 10));
      onResult(result);
    },
    onError: problem.handle,
    // A noisy answer or a refusal changes what is left of the budget; the log has a new line either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: aggregateKeys.budgets });
      void queryClient.invalidateQueries({ queryKey: aggregateKeys.log({}).slice(0, 2) });
    },
  });

  return (
    <Form<QueryValues>
      form={form}
      layout="vertical"
      initialValues={{ groupBy: [], measures: [{ fn: 'count' }], filters: [] }}
      onFinish={(v) => run.mutate(v)}
      onValuesChange={(changed: Partial<QueryValues>) => {
        // Another resource has other fields: start its query afresh.
        if ('resource' in changed) form.setFieldsValue({ groupBy: [], measures: [{ fn: 'count' }], filters: [] });
      }}
      scrollToFirstError={{ focus: true }}
    >
      {problem.alert}
      <Form.Item
        name="resource"
        label={t('dataAggregate.query.resource')}
        rules={[rules.requiredChoice()]}
        extra={
          registration
            ? t('dataAggregate.query.registration', {
                k: registration.k,
                noise: registration.isNoisy ? t('dataAggregate.query.noiseOn', { epsilon: registration.epsilon }) : t('dataAggregate.query.noiseOff'),
              })
            : undefined
        }
      >
        <Select
          placeholder={t('dataAggregate.query.chooseResource')}
          showSearch={{ optionFilterProp: 'label' }}
          options={resources.map((r) => ({ value: r.resourceCode, label: `${r.resourceName}(${r.resourceCode})` }))}
        />
      </Form.Item>
      <Form.Item name="groupBy" label={t('dataAggregate.query.groupBy')} extra={t('dataAggregate.query.groupByHelp')}>
        <Select mode="multiple" maxCount={AGGREGATE_MAX_GROUP_BY} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('dataAggregate.query.groupByPlaceholder')} options={dimensionOptions} disabled={!registration} />
      </Form.Item>

      <Typography.Text strong>{t('dataAggregate.query.measures')}</Typography.Text>
      <Form.List name="measures">
        {(rows, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {rows.map((row, index) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[row.name, 'fn']} aria-label={t('dataAggregate.query.fn')} rules={[rules.requiredChoice()]}>
                  <Select aria-label={t('dataAggregate.query.fn')} style={{ width: 130 }} options={aggregateFunctions.map((fn) => ({ value: fn, label: t(`dataAggregate.fn.${fn}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue(['measures', row.name, 'fn']) === 'count' ? null : (
                      <Form.Item name={[row.name, 'field']} rules={[rules.requiredChoice()]}>
                        <Select aria-label={t('dataAggregate.query.field')} placeholder={t('dataAggregate.query.field')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} options={measureOptions} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                {rows.length > 1 ? <Button type="text" icon={<DeleteOutlined />} aria-label={t('dataAggregate.query.removeMeasure', { n: index + 1 })} onClick={() => remove(row.name)} /> : null}
              </Space>
            ))}
            {rows.length < AGGREGATE_MAX_MEASURES && measureOptions.length > 0 ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ fn: 'sum' })} style={{ marginBottom: 16 }}>
                {t('dataAggregate.query.addMeasure')}
              </Button>
            ) : null}
          </div>
        )}
      </Form.List>

      <Typography.Text strong>{t('dataAggregate.query.filters')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dataAggregate.query.filtersHelp')}
      </Typography.Paragraph>
      <Form.List name="filters">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[row.name, 'field']} rules={[rules.requiredChoice()]}>
                  <Select aria-label={t('dataAggregate.query.filterField')} placeholder={t('dataAggregate.query.filterField')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} options={dimensionOptions} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const field = form.getFieldValue(['filters', row.name, 'field']) as string | undefined;
                    return (
                      <Form.Item name={[row.name, 'values']} rules={[rules.requiredChoice()]}>
                        <Select
                          mode="tags"
                          aria-label={t('dataAggregate.query.filterValues')}
                          placeholder={t('dataAggregate.query.filterValuesPlaceholder')}
                          style={{ width: 320, maxWidth: '100%' }}
                          options={[...(field ? (seen.get(field) ?? []) : [])].map((v) => ({ value: v, label: v }))}
                          tokenSeparators={[',', ',']}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('dataAggregate.query.removeFilter', { n: index + 1 })} onClick={() => remove(row.name)} />
              </Space>
            ))}
            {rows.length < AGGREGATE_MAX_FILTERS ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ values: [] })} disabled={!registration} style={{ marginBottom: 16 }}>
                {t('dataAggregate.query.addFilter')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>

      <Form.Item name="purpose" label={t('dataAggregate.query.purpose')} extra={t('dataAggregate.query.purposeHelp')} rules={[rules.required()]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={run.isPending}>
        {run.isPending ? t('dataAggregate.query.running') : t('dataAggregate.query.run')}
      </Button>
    </Form>
  );
}

/** 统计查询: build a query over a registered resource, see the groups (withheld ones as "< k, 已隐藏") and a bar chart. */
export function QueryTab() {
  const { t } = useTranslation();
  const resources = useAggregateResources();
  const [result, setResult] = useState<AggregateQueryResult | null>(null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <BudgetLine />
          <Card type="inner" title={t('dataAggregate.tabs.query')}>
            <QueryState query={resources} isEmpty={(d) => d.items.length === 0} emptyText={t('dataAggregate.query.noResources')}>
              {(data) => <QueryForm resources={data.items} onResult={setResult} />}
            </QueryState>
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={14}>
        <Card type="inner" title={result ? `${t('dataAggregate.result.title')} · ${result.resource.name}` : t('dataAggregate.result.title')} aria-live="polite">
          {result ? <ResultView result={result} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dataAggregate.result.empty')} />}
        </Card>
      </Col>
    </Row>
  );
}
