import { App, Breadcrumb, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dataCatalogueMessages, dataLevels, dataSubLevelSchema, type DataSubLevel, type DataSubLevelsView } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { api } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { ListItemTools } from '../../../admin/catalogue/list-item-tools';
import { catalogueKeys, cataloguePaths, useSubLevels } from './api';
import { useLabels } from './labels';

type Values = { items: DataSubLevel[] };

function SubLevelsForm({ items }: { items: DataSubLevel[] }) {
  const { t, i18n } = useTranslation();
  const { options, label } = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch<DataSubLevel[] | undefined>('items', form) ?? [];
  const problem = useFormProblem(form, watched.flatMap((_, i) => [`items.${i}.level`, `items.${i}.code`, `items.${i}.name`, `items.${i}.description`]), dataCatalogueMessages[currentLocale(i18n.language)]);
  const save = useMutation({
    mutationFn: (v: Values) => api.put<DataSubLevelsView>(cataloguePaths.subLevels, { items: v.items.map((s) => ({ ...s, description: s.description ?? '' })) }),
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      queryClient.setQueryData(catalogueKeys.subLevels, saved);
      void message.success(t('common.states.saved'));
    },
    onError: problem.handle,
  });
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ items }} onFinish={(v) => save.mutate(v)}>
      {problem.alert}
      <Form.List name="items">
        {(rows, { add, remove, move }) => (
          <>
            {rows.map((row, index) => {
              const me = watched[index];
              const what = me ? `${label('level', me.level)} ${me.code}` : String(index + 1);
              return (
                <Card key={row.key} size="small" role="group" aria-label={what} title={what} extra={<ListItemTools index={index} count={rows.length} move={move} remove={remove} what={what} />} style={{ marginBottom: 12 }}>
                  <Row gutter={12}>
                    <Col xs={12} md={5}>
                      <Form.Item name={[row.name, 'level']} label={t('dataCatalogue.fields.level')}>
                        <Select options={options('level', dataLevels)} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[row.name, 'code']} label={t('dataCatalogue.subLevels.code')} rules={[rules.required(), rules.schema(dataSubLevelSchema.shape.code)]}>
                        <Input maxLength={20} className="zt-code" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={7}>
                      <Form.Item name={[row.name, 'name']} label={t('dataCatalogue.subLevels.name')} rules={[rules.required()]}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[row.name, 'description']} label={`${t('dataCatalogue.subLevels.description')} ${t('common.optional')}`}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              );
            })}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ level: 'general', code: '', name: '', description: '' })}>
              {t('dataCatalogue.subLevels.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.actions.save')}
        </Button>
      </Space>
    </Form>
  );
}

/** 分级子级设置: the grades inside 核心/重要/一般 items may carry; kept by the chief data officer, read by everyone cataloguing. */
export function SubLevelsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { label } = useLabels();
  const list = useSubLevels();
  const canEdit = can(me, 'data-resource.review');
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/data/resources">{t('dataCatalogue.list.title')}</Link> }, { title: t('dataCatalogue.subLevels.title') }]} />
      <PageHeader title={t('dataCatalogue.subLevels.title')} description={t('dataCatalogue.subLevels.intro')} />
      <Card>
        <QueryState query={list}>
          {(data) =>
            canEdit ? (
              <SubLevelsForm items={data.items} />
            ) : (
              <ul>
                {data.items.map((s) => (
                  <li key={`${s.level}/${s.code}`}>
                    <Typography.Text strong>{`${label('level', s.level)} ${s.code}`}</Typography.Text> {s.name} <span className="zt-muted">{s.description}</span>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
    </>
  );
}
