import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../auth/require-session';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { BudgetsTab } from './budgets-tab';
import { LogTab } from './log-tab';
import { QueryTab } from './query-tab';
import { RegistrationsTab } from './registrations-tab';

/**
 * 可用不可见 (/workbench/data/aggregate): a consuming department queries registered resources and reads its own
 * queries; the platform registers resources, sets budgets and reads the whole log. Each reader sees the tabs their
 * permissions open; the server checks every request again.
 */
export function AggregatePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const isConsumer = can(me, 'aggregate-query.run');
  const isPlatform = can(me, 'share-request.review');
  const items = [
    isConsumer ? { key: 'query', label: t('dataAggregate.tabs.query'), children: <QueryTab /> } : null,
    isConsumer ? { key: 'history', label: t('dataAggregate.tabs.history'), children: <LogTab scope="mine" /> } : null,
    isPlatform ? { key: 'resources', label: t('dataAggregate.tabs.resources'), children: <RegistrationsTab /> } : null,
    isPlatform ? { key: 'budgets', label: t('dataAggregate.tabs.budgets'), children: <BudgetsTab /> } : null,
    isPlatform ? { key: 'log', label: t('dataAggregate.tabs.log'), children: <LogTab scope="all" /> } : null,
  ].filter((i): i is NonNullable<typeof i> => i !== null);
  const asked = params.get('tab');
  const active = items.find((i) => i.key === asked)?.key ?? items[0]?.key;

  return (
    <>
      <PageHeader title={t('dataAggregate.title')} description={t('dataAggregate.intro')} />
      <Card>
        <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} destroyOnHidden />
      </Card>
    </>
  );
}
