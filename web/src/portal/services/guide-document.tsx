import type { ReactNode } from 'react';
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemSnapshot, ItemVersionView, Material } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { catalogueLabel, limitText, yuan } from './labels';

/** What a guide shows: a published version (portal) or any version (the admin's preview). */
export type GuideContent = Omit<ItemVersionView, 'revision' | 'serviceItem'> & { serviceItem: ItemSnapshot & { description?: string } };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="zt-guide-section">
      <Typography.Title level={2} id={id} style={{ fontSize: '1.25em' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Flag({ on, label }: { on: boolean; label: string }) {
  const { t } = useTranslation();
  return on ? (
    <span>
      <CheckOutlined aria-hidden="true" /> {label}
    </span>
  ) : (
    <span>{t('services.guide.no')}</span>
  );
}

function MaterialsTable({ materials }: { materials: readonly Material[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const columns: TableProps<Material>['columns'] = [
    { title: t('services.guide.materials.index'), key: 'index', width: 56, render: (_v, _m, i) => i + 1 },
    {
      title: t('services.guide.materials.name'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <>
          <strong>{name}</strong>
          {m.note ? <div className="zt-muted">{m.note}</div> : null}
          {m.blankFormUrl || m.sampleUrl ? (
            <div className="zt-no-print">
              {m.blankFormUrl ? (
                <a href={m.blankFormUrl} target="_blank" rel="noreferrer">
                  {t('services.guide.materials.blankForm')}
                </a>
              ) : null}
              {m.blankFormUrl && m.sampleUrl ? ' · ' : null}
              {m.sampleUrl ? (
                <a href={m.sampleUrl} target="_blank" rel="noreferrer">
                  {t('services.guide.materials.sample')}
                </a>
              ) : null}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('services.guide.materials.source'),
      dataIndex: 'source',
      width: 150,
      render: (source: string, m) => (
        <>
          {catalogueLabel.materialSource(source, locale)}
          {m.issuer ? <div className="zt-muted">{m.issuer}</div> : null}
        </>
      ),
    },
    {
      title: t('services.guide.materials.paper'),
      key: 'paper',
      width: 130,
      render: (_v, m) => (m.originals + m.copies === 0 ? t('services.guide.materials.noPaper') : t('services.guide.materials.paperCount', { originals: m.originals, copies: m.copies })),
    },
    {
      title: t('services.guide.materials.format'),
      key: 'format',
      width: 140,
      render: (_v, m) => `${m.formats.map((f) => f.toUpperCase()).join('/')} ≤ ${m.maxSizeMb} MB`,
    },
    { title: t('services.guide.materials.required'), dataIndex: 'isRequired', width: 90, render: (v: boolean) => (v ? t('services.guide.materials.mandatory') : t('services.guide.materials.optional')) },
    { title: t('services.guide.materials.gap'), dataIndex: 'canBeGap', width: 80, render: (v: boolean) => <Flag on={v} label={t('services.guide.yes')} /> },
    { title: t('services.guide.materials.pledge'), dataIndex: 'canBePledged', width: 90, render: (v: boolean) => <Flag on={v} label={t('services.guide.yes')} /> },
  ];
  return <Table<Material> rowKey="key" size="small" bordered columns={columns} dataSource={[...materials]} pagination={false} scroll={{ x: 900 }} className="zt-print-table" />;
}

/**
 * 办事指南 with every element GB/T 39554 asks a guide to publish, in reading order, as one printable document.
 * Headings are real h2s so a screen reader can jump between sections.
 */
export function GuideDocument({ guide }: { guide: GuideContent }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const item = guide.serviceItem;
  const legal = guide.legalLimit;
  const promised = guide.caseKind === 'immediate' ? t('services.guide.immediate') : limitText(guide.promisedLimit, locale);
  return (
    <article className="zt-guide">
      {item.description ? <Typography.Paragraph style={{ fontSize: '1.05em' }}>{item.description}</Typography.Paragraph> : null}
      {guide.allowsPledge || guide.allowsGaps ? (
        <div style={{ display: 'grid', gap: 8, marginBottom: 16 }}>
          {guide.allowsPledge ? <Alert type="success" showIcon title={t('services.guide.pledgeTitle')} description={t('services.guide.pledgeText')} /> : null}
          {guide.allowsGaps ? <Alert type="info" showIcon title={t('services.guide.gapsTitle')} description={t('services.guide.gapsText')} /> : null}
        </div>
      ) : null}

      <Section id="guide-basic" title={t('services.guide.sections.basic')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: t('services.guide.itemName'), children: item.name, span: 'filled' },
            { key: 'type', label: t('services.guide.itemType'), children: catalogueLabel.itemType(item.type, locale) },
            { key: 'audience', label: t('services.guide.audience'), children: catalogueLabel.audience(item.audience, locale) },
            { key: 'basicCode', label: t('services.guide.basicCode'), children: <span className="zt-code">{item.basicCode}</span> },
            { key: 'implementationCode', label: t('services.guide.implementationCode'), children: <span className="zt-code">{guide.implementation.implementationCode}</span> },
            { key: 'department', label: t('services.guide.department'), children: guide.implementation.department.name },
            { key: 'region', label: t('services.guide.region'), children: guide.implementation.region.fullName || guide.implementation.region.name },
            { key: 'powerSource', label: t('services.guide.powerSource'), children: catalogueLabel.powerSource(item.powerSource, locale) },
            { key: 'category', label: t('services.guide.category'), children: item.departmentCategory },
            { key: 'caseKind', label: t('services.guide.caseKind'), children: catalogueLabel.caseKind(guide.caseKind, locale) },
            { key: 'version', label: t('services.guide.version'), children: t('services.guide.versionText', { version: guide.version, date: (guide.effectiveFrom ?? '').slice(0, 10) || '—' }) },
          ]}
        />
      </Section>

      <Section id="guide-basis" title={t('services.guide.sections.basis')}>
        <ol className="zt-guide-list">
          {item.basis.map((b) => (
            <li key={`${b.name}${b.article}`}>
              <strong>
                {b.name}
                {b.article}
              </strong>
              {b.excerpt ? <blockquote className="zt-quote">{b.excerpt}</blockquote> : null}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="guide-conditions" title={t('services.guide.sections.conditions')}>
        <Typography.Paragraph className="zt-pre">{guide.acceptanceConditions}</Typography.Paragraph>
      </Section>

      <Section id="guide-materials" title={t('services.guide.sections.materials')}>
        {guide.materials.length === 0 ? <Typography.Paragraph>{t('services.guide.materials.none')}</Typography.Paragraph> : <MaterialsTable materials={guide.materials} />}
      </Section>

      <Section id="guide-process" title={t('services.guide.sections.process')}>
        <ol className="zt-guide-steps">
          {guide.workflow.steps.map((s) => (
            <li key={s.key}>
              <strong>{s.name || catalogueLabel.step(s.key, locale)}</strong>
              {s.isOptional ? <Tag style={{ marginInlineStart: 8 }}>{t('services.guide.optionalStep')}</Tag> : null}
              {s.limitDays !== null && s.limitDays > 0 ? <span className="zt-muted"> · {t('services.guide.stepDays', { days: s.limitDays })}</span> : null}
            </li>
          ))}
        </ol>
        {guide.workflow.allowsSpecialProcedure ? (
          <Typography.Paragraph>
            <strong>{t('services.guide.specialProcedure')}</strong> {guide.workflow.specialProcedureNote || t('services.guide.specialProcedureText')}
          </Typography.Paragraph>
        ) : null}
      </Section>

      <Section id="guide-limits" title={t('services.guide.sections.limits')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'legal', label: t('services.guide.legalLimit'), children: legal ? `${limitText(legal, locale)}${legal.note ? `(${legal.note})` : ''}` : t('services.guide.noLegalLimit') },
            { key: 'promised', label: t('services.guide.promisedLimit'), children: `${promised}${guide.promisedLimit.note ? `(${guide.promisedLimit.note})` : ''}` },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('services.guide.limitsNote')}
        </Typography.Paragraph>
      </Section>

      <Section id="guide-fees" title={t('services.guide.sections.fees')}>
        {guide.fees.isCharged ? (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'amount', label: t('services.guide.feeAmount'), children: guide.fees.amountFen === null ? '—' : yuan(guide.fees.amountFen) },
              { key: 'basis', label: t('services.guide.feeBasis'), children: guide.fees.basis ?? '—' },
              ...(guide.fees.note ? [{ key: 'note', label: t('services.guide.feeNote'), children: guide.fees.note }] : []),
            ]}
          />
        ) : (
          <Typography.Paragraph>
            <strong>{t('services.guide.free')}</strong>
            {guide.fees.note ? ` ${guide.fees.note}` : ''}
          </Typography.Paragraph>
        )}
      </Section>

      <Section id="guide-where" title={t('services.guide.sections.where')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'channels', label: t('services.guide.channels'), children: guide.channels.map((c) => catalogueLabel.channel(c, locale)).join(locale === 'zh-CN' ? '、' : ', ') },
            { key: 'visits', label: t('services.guide.visits'), children: guide.visitsRequired === 0 ? t('services.guide.zeroVisits') : t('services.guide.visitsCount', { count: guide.visitsRequired }) },
            { key: 'location', label: t('services.guide.location'), children: <span className="zt-pre">{guide.location}</span> },
            { key: 'hours', label: t('services.guide.hours'), children: <span className="zt-pre">{guide.hours}</span> },
            { key: 'consult', label: t('services.guide.consultPhone'), children: <a href={`tel:${guide.consultPhone.replace(/[^\d-]/g, '')}`}>{guide.consultPhone}</a> },
            { key: 'complaint', label: t('services.guide.complaintPhone'), children: <a href={`tel:${guide.complaintPhone.replace(/[^\d-]/g, '')}`}>{guide.complaintPhone}</a> },
          ]}
        />
      </Section>
    </article>
  );
}
