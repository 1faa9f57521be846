import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roleNames, staffRoles, workflowStepKeys, type WorkflowStep } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { catalogueLabel } from '../../portal/services/labels';
import { useDepartmentChoices } from './api';
import { ListItemTools } from './list-item-tools';

function StepCard({ itemName, index, count, move, remove }: { itemName: number; index: number; count: number; move: (a: number, b: number) => void; remove: (i: number) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const steps = Form.useWatch<WorkflowStep[] | undefined>(['workflow', 'steps']) ?? [];
  const departments = useDepartmentChoices();
  const me = steps[index];
  const title = `${index + 1}. ${me?.name || (me ? catalogueLabel.step(me.key, locale) : '')}`;
  return (
    <Card size="small" title={<span style={{ fontWeight: 600 }}>{title}</span>} extra={<ListItemTools index={index} count={count} move={move} remove={remove} what={title} />} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name={[itemName, 'key']} label={t('catalogue.workflow.kind')}>
            <Select options={workflowStepKeys.map((k) => ({ value: k, label: catalogueLabel.step(k, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[itemName, 'name']} label={t('catalogue.workflow.name')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[itemName, 'role']} label={t('catalogue.workflow.role')}>
            <Select options={staffRoles.map((r) => ({ value: r, label: roleNames[r][locale] }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name={[itemName, 'limitDays']} label={t('catalogue.workflow.limitDays')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name={[itemName, 'isOptional']} valuePropName="checked" label={t('catalogue.workflow.optional')}>
            <Checkbox>{t('catalogue.workflow.optionalText')}</Checkbox>
          </Form.Item>
        </Col>
        {me?.key === 'countersign' ? (
          <Col span={24}>
            <Form.Item name={[itemName, 'departmentIds']} label={t('catalogue.workflow.departments')}>
              <Select
                mode="multiple"
                loading={departments.isPending}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                showSearch={{ optionFilterProp: 'label' }}
                status={departments.isError ? 'error' : undefined}
                placeholder={departments.isError ? departments.error.message : undefined}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}

/** 办理流程: ordered steps, each with the role that acts (受理 first, 办结 last; 勘验 and 会签 where the item needs them). */
export function WorkflowEditor() {
  const { t } = useTranslation();
  const allowsSpecial = Form.useWatch<boolean | undefined>(['workflow', 'allowsSpecialProcedure']);
  return (
    <>
      <Form.List name={['workflow', 'steps']}>
        {(items, { add, remove, move }) => (
          <>
            {items.map((item, index) => (
              <StepCard key={item.key} itemName={item.name} index={index} count={items.length} move={move} remove={remove} />
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ key: 'review', name: '', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null }, Math.max(0, items.length - 1))}>
              {t('catalogue.workflow.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Card size="small" style={{ marginTop: 16 }}>
        <Form.Item name={['workflow', 'allowsSpecialProcedure']} valuePropName="checked" label={t('catalogue.workflow.special')} extra={t('catalogue.workflow.specialHelp')}>
          <Switch />
        </Form.Item>
        {allowsSpecial ? (
          <Form.Item name={['workflow', 'specialProcedureNote']} label={t('catalogue.workflow.specialNote')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}
      </Card>
    </>
  );
}
