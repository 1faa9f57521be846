import { Card, Descriptions, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useTracking } from './api';
import { CaseStatusTag } from './case-status';
import { dateWords } from './plain-words';

/** 办件进度查询: the page behind the receipt's QR code; status and dates only, nothing about the person. */
export function TrackingPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { code = '' } = useParams();
  const tracking = useTracking(code);
  return (
    <div className="zt-content" style={{ maxWidth: 760 }}>
      <PageHeader title={t('cases.tracking.title')} description={t('cases.tracking.intro')} />
      <Card>
        <QueryState query={tracking}>
          {(data) => (
            <>
              <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
                {data.itemName}
              </Typography.Title>
              <Typography.Paragraph style={{ fontSize: '1.15em' }}>
                <CaseStatusTag status={data.status} /> {data.statusText}
              </Typography.Paragraph>
              <Descriptions
                bordered
                size="small"
                column={1}
                items={[
                  { key: 'number', label: t('cases.apply.caseNumber'), children: <span className="zt-code">{data.caseNumber}</span> },
                  { key: 'department', label: t('services.guide.department'), children: data.departmentName },
                  ...(data.submittedAt ? [{ key: 'submitted', label: t('cases.detail.submittedAt'), children: formatDateTime(data.submittedAt) }] : []),
                  ...(data.acceptedAt ? [{ key: 'accepted', label: t('cases.tracking.acceptedAt'), children: formatDateTime(data.acceptedAt) }] : []),
                  ...(data.dueDate ? [{ key: 'due', label: t('cases.detail.dueAt'), children: dateWords(data.dueDate.length === 10 ? `${data.dueDate}T00:00:00+08:00` : data.dueDate, locale) }] : []),
                  ...(data.completedAt ? [{ key: 'completed', label: t('cases.detail.completedAt'), children: formatDateTime(data.completedAt) }] : []),
                  { key: 'updated', label: t('cases.tracking.updatedAt'), children: formatDateTime(data.updatedAt) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t('cases.tracking.signInHint')}
              </Typography.Paragraph>
            </>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
