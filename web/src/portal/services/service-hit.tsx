import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceSearchHit } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { ButtonLink } from '../../shared/ui/button-link';
import { withQuery } from '../../shared/api/client';
import { catalogueLabel, limitText } from './labels';

export function guidePath(hit: { id: string }, implementationId?: string): string {
  return withQuery(`/services/${hit.id}`, { implementationId });
}

/** "营业执照 → 个体工商户设立登记": why an everyday word found this item. */
export function MatchNote({ hit }: { hit: ServiceSearchHit }) {
  const { t } = useTranslation();
  if (!hit.matchedTerm || hit.matchedBy === 'name' || hit.matchedBy === null) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
      {t(`services.search.matchedBy.${hit.matchedBy}`, { term: hit.matchedTerm })}
    </Typography.Text>
  );
}

/** One search result: what the item is, who does it, how long it takes, and the ways in. */
export function ServiceHit({ hit, headingLevel = 3 }: { hit: ServiceSearchHit; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const first = hit.implementations[0];
  const departments = [...new Set(hit.implementations.map((i) => i.department.name))];
  const isOnline = hit.implementations.some((i) => i.channels.includes('online'));
  const zeroVisits = hit.implementations.some((i) => i.visitsRequired === 0);
  return (
    <div className="zt-hit">
      <Typography.Title level={headingLevel} style={{ fontSize: '1.15em', margin: 0 }}>
        <Link to={guidePath(hit, first?.id)}>{hit.name}</Link>
      </Typography.Title>
      <div>
        <MatchNote hit={hit} />
      </div>
      <Space wrap size={[4, 4]} style={{ margin: '6px 0' }}>
        <Tag color="blue">{catalogueLabel.itemType(hit.type, locale)}</Tag>
        <Tag>{catalogueLabel.audience(hit.audience, locale)}</Tag>
        {isOnline ? <Tag color="green">{t('services.search.online')}</Tag> : null}
        {zeroVisits ? <Tag color="green">{t('services.guide.zeroVisits')}</Tag> : null}
        {first?.allowsPledge ? <Tag color="gold">{t('services.search.pledge')}</Tag> : null}
      </Space>
      {hit.description ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 6 }}>
          {hit.description}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        {departments.length > 0 ? t('services.search.by', { departments: departments.join(locale === 'zh-CN' ? '、' : ', ') }) : t('services.search.notOffered')}
        {first ? (
          <span className="zt-muted">
            {' · '}
            {first.caseKind === 'immediate' ? t('services.guide.immediate') : t('services.search.promised', { limit: limitText(first.promisedLimit, locale) })}
            {' · '}
            {first.isCharged ? t('services.search.charged') : t('services.guide.free')}
          </span>
        ) : null}
      </Typography.Paragraph>
      <Space wrap>
        <ButtonLink to={guidePath(hit, first?.id)} aria-label={t('services.search.guideOf', { name: hit.name })}>
          {t('services.search.guide')}
        </ButtonLink>
        {first && first.channels.includes('online') ? (
          <ButtonLink type="primary" to={withQuery(`/services/${hit.id}/apply`, { implementationId: first.id })} aria-label={t('services.search.applyOf', { name: hit.name })}>
            {t('services.guide.applyOnline')}
          </ButtonLink>
        ) : null}
      </Space>
    </div>
  );
}
