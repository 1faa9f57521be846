import { Descriptions, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { higherLevel, type DataField, type DataLevel, type DataResourceDefinition } from '@zhengtong/contracts';
import { LevelTag, MaskingTag, OpenTag, ShareTag, useLabels } from './labels';

/** 就高从严: a resource is graded by its strictest item. */
export const levelOfDefinition = (d: Pick<DataResourceDefinition, 'fields'>): DataLevel => d.fields.reduce<DataLevel>((level, f) => higherLevel(level, f.level), 'general');

/** The 信息项 of a definition: type, share and open type, level and sub-level, masking, check and authoritative source. */
export function FieldsTable({ definition, departmentNames, providerName }: { definition: DataResourceDefinition; departmentNames: Record<string, string>; providerName: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const columns: TableProps<DataField>['columns'] = [
    {
      title: t('dataCatalogue.fields.name'),
      key: 'name',
      width: 200,
      fixed: 'left',
      render: (_v, f) => (
        <>
          <strong>{f.name}</strong>
          {f.key === definition.keyField ? <span className="zt-muted"> {t('dataCatalogue.fields.isKey')}</span> : null}
          <div className="zt-code zt-muted">{f.key}</div>
        </>
      ),
    },
    { title: t('dataCatalogue.fields.type'), dataIndex: 'type', width: 100, render: (v: DataField['type']) => label('fieldType', v) },
    { title: t('dataCatalogue.fields.shareType'), dataIndex: 'shareType', width: 120, render: (v: DataField['shareType']) => <ShareTag value={v} /> },
    { title: t('dataCatalogue.fields.openType'), dataIndex: 'openType', width: 120, render: (v: DataField['openType']) => <OpenTag value={v} /> },
    { title: t('dataCatalogue.fields.level'), key: 'level', width: 150, render: (_v, f) => <LevelTag level={f.level} subLevel={f.subLevel} /> },
    { title: t('dataCatalogue.fields.masking'), dataIndex: 'masking', width: 110, render: (v: DataField['masking']) => <MaskingTag masking={v} /> },
    { title: t('dataCatalogue.fields.identifier'), dataIndex: 'identifier', width: 150, render: (v: DataField['identifier']) => (v ? label('identifier', v) : '—') },
    {
      title: t('dataCatalogue.fields.source'),
      dataIndex: 'sourceDepartmentId',
      width: 170,
      render: (v: string | null) => (v ? (departmentNames[v] ?? v) : <span className="zt-muted">{t('dataCatalogue.fields.sourceProvider', { name: providerName })}</span>),
    },
    {
      title: t('dataCatalogue.fields.notes'),
      key: 'notes',
      render: (_v, f) => (
        <>
          {f.description ? <div>{f.description}</div> : null}
          {f.legalBasis ? <div className="zt-muted">{t('dataCatalogue.fields.legalBasisOwn', { basis: f.legalBasis })}</div> : null}
        </>
      ),
    },
  ];
  return <Table<DataField> rowKey="key" size="small" columns={columns} dataSource={definition.fields} pagination={false} scroll={{ x: 1300 }} />;
}

/** The core metadata of one version: classification, provider, share and open types with their conditions and basis, cycle, dates. */
export function DefinitionFacts({ definition, code, providerName, sourceKind }: { definition: DataResourceDefinition; code: string; providerName: string; sourceKind: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const c = definition.classification;
  const none = <span className="zt-muted">{t('common.none')}</span>;
  const list = (items: readonly string[]) => (items.length > 0 ? items.join('、') : none);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'code', label: t('dataCatalogue.facts.code'), children: <span className="zt-code">{code}</span> },
        { key: 'provider', label: t('dataCatalogue.facts.provider'), children: providerName },
        { key: 'classification', label: t('dataCatalogue.facts.classification'), children: [c.category, c.item, c.directory, c.detail].filter((x) => x !== '').join(' / ') },
        { key: 'catalogueType', label: t('dataCatalogue.facts.catalogueType'), children: `${label('catalogueType', definition.catalogueType)} · ${sourceKind}` },
        { key: 'summary', label: t('dataCatalogue.facts.summary'), span: 'filled', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{definition.summary}</Typography.Paragraph> },
        { key: 'level', label: t('dataCatalogue.facts.level'), children: <LevelTag level={levelOfDefinition(definition)} /> },
        { key: 'format', label: t('dataCatalogue.facts.format'), children: `${label('format', definition.format)} · ${t('dataCatalogue.facts.cycle', { cycle: label('updateCycle', definition.updateCycle) })}` },
        {
          key: 'share',
          label: t('dataCatalogue.facts.share'),
          children: (
            <Space orientation="vertical" size={2}>
              <Space wrap size={4}>
                <ShareTag value={definition.shareType} />
                {definition.shareMethods.map((m) => label('shareMethod', m)).join('、')}
              </Space>
              {definition.shareCondition ? <span>{t('dataCatalogue.facts.condition', { text: definition.shareCondition })}</span> : null}
              {definition.legalBasis ? <span>{t('dataCatalogue.facts.legalBasis', { text: definition.legalBasis })}</span> : null}
            </Space>
          ),
        },
        {
          key: 'open',
          label: t('dataCatalogue.facts.open'),
          children: (
            <Space orientation="vertical" size={2}>
              <OpenTag value={definition.openType} />
              {definition.openCondition ? <span>{t('dataCatalogue.facts.condition', { text: definition.openCondition })}</span> : null}
            </Space>
          ),
        },
        { key: 'themes', label: t('dataCatalogue.facts.themes'), children: list(definition.themes) },
        { key: 'keywords', label: t('dataCatalogue.facts.keywords'), children: list(definition.keywords) },
        { key: 'releasedOn', label: t('dataCatalogue.facts.releasedOn'), children: definition.releasedOn ?? none },
        { key: 'related', label: t('dataCatalogue.facts.related'), children: list(definition.relatedCodes) },
      ]}
    />
  );
}
