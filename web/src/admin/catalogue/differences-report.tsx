import { Alert, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImplementationDifferences } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { textIn } from '../../shared/schema-form/logic';
import { QueryState } from '../../shared/ui/query-state';
import { useDifferences } from './api';

type Row = ImplementationDifferences['elements'][number];

/**
 * 四级四同 report: per element, whether every implementation in force says the same. Name, code, basis and type
 * must match (a difference is a violation); local details (fees, hours, phones …) may differ and are listed.
 */
export function DifferencesReport({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const report = useDifferences(itemId, true);
  return (
    <QueryState query={report} isEmpty={(d) => d.implementations.length === 0} emptyText={t('catalogue.differences.none')}>
      {(data) => {
        const nameOf = (id: string) => {
          const impl = data.implementations.find((i) => i.id === id);
          return impl ? `${impl.region.name} · ${impl.department.name}` : id;
        };
        const columns: TableProps<Row>['columns'] = [
          { title: t('catalogue.differences.element'), key: 'element', width: 180, render: (_v, r) => <strong>{textIn(r.label, locale) || r.element}</strong> },
          {
            title: t('catalogue.differences.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (v: Row['kind']) => (v === 'mustMatch' ? <Tag color="blue">{t('catalogue.differences.mustMatch')}</Tag> : <Tag>{t('catalogue.differences.local')}</Tag>),
          },
          {
            title: t('catalogue.differences.result'),
            key: 'result',
            width: 130,
            render: (_v, r) => (r.isViolation ? <Tag color="red">{t('catalogue.differences.violation')}</Tag> : r.isUniform ? <Tag color="green">{t('catalogue.differences.uniform')}</Tag> : <Tag color="gold">{t('catalogue.differences.differs')}</Tag>),
          },
          {
            title: t('catalogue.differences.values'),
            key: 'groups',
            render: (_v, r) =>
              r.isUniform ? (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
                  {r.groups[0]?.value ?? ''}
                </Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.groups.map((g) => (
                    <li key={g.value} style={{ marginBottom: 6 }}>
                      <div className="zt-pre" style={{ maxHeight: 120, overflow: 'auto' }}>
                        {g.value || t('common.none')}
                        {g.isAsDefined === false ? <Tag color="red" style={{ marginInlineStart: 6 }}>{t('catalogue.differences.notAsDefined')}</Tag> : null}
                      </div>
                      <div className="zt-muted">{g.implementationIds.map(nameOf).join(locale === 'zh-CN' ? '、' : ', ')}</div>
                    </li>
                  ))}
                </ul>
              ),
          },
        ];
        return (
          <>
            {data.violationCount > 0 ? (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('catalogue.differences.violations', { count: data.violationCount })} />
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('catalogue.differences.allMatch')} />
            )}
            <Typography.Paragraph>
              {t('catalogue.differences.compared', { count: data.implementations.length - data.notComparedIds.length })}
              {data.notComparedIds.length > 0 ? ` ${t('catalogue.differences.notCompared', { names: data.notComparedIds.map(nameOf).join(locale === 'zh-CN' ? '、' : ', ') })}` : ''}
            </Typography.Paragraph>
            <Table<Row> rowKey="element" size="small" columns={columns} dataSource={data.elements} pagination={false} scroll={{ x: 900 }} rowClassName={(r) => (r.isViolation ? 'zt-row-danger' : '')} />
          </>
        );
      }}
    </QueryState>
  );
}
