import { useState } from 'react';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roleNames, type MeView, type PersonView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';

function PersonCard({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const [isUnmasked, setUnmasked] = useState(false);
  // Each full view is a separate, audited read (the owner sees it in 数据使用记录 only when others read).
  const person = useQuery({
    queryKey: ['person', me.accountId, isUnmasked],
    queryFn: () => api.get<PersonView>(`/api/persons/${me.accountId}`, { unmask: isUnmasked }),
    staleTime: isUnmasked ? 0 : 30_000,
    gcTime: isUnmasked ? 0 : 5 * 60_000,
  });
  return (
    <Card
      title={t('portal.my.profile.personCard')}
      extra={
        <Button
          icon={isUnmasked ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() => setUnmasked(!isUnmasked)}
          aria-pressed={isUnmasked}
          loading={person.isFetching && isUnmasked}
        >
          {isUnmasked ? t('portal.my.profile.hide') : t('portal.my.profile.show')}
        </Button>
      }
    >
      <QueryState query={person}>
        {(p) => (
          <Descriptions
            column={1}
            bordered
            size="medium"
            items={[
              { key: 'name', label: t('auth.register.name'), children: p.name },
              { key: 'idNumber', label: t('auth.register.idNumber'), children: <span data-testid="profile-id-number">{p.idNumber}</span> },
              { key: 'phone', label: t('auth.register.phone'), children: <span data-testid="profile-phone">{p.phone ?? t('common.none')}</span> },
              { key: 'gender', label: t('portal.my.profile.gender'), children: p.gender ? t(`common.genders.${p.gender}`) : t('common.none') },
              { key: 'birthDate', label: t('portal.my.profile.birthDate'), children: p.birthDate ?? t('common.none') },
            ]}
          />
        )}
      </QueryState>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('portal.my.profile.maskNote')}
      </Typography.Paragraph>
    </Card>
  );
}

function AccountCard({ me }: { me: MeView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <Card title={t('portal.my.profile.accountCard')}>
      <Descriptions
        column={1}
        bordered
        size="medium"
        items={[
          { key: 'name', label: me.accountType === 'enterprise' ? t('auth.register.enterpriseName') : t('auth.register.name'), children: me.displayName },
          { key: 'type', label: t('portal.my.profile.accountType'), children: t(`common.accountTypes.${me.accountType}`) },
          {
            key: 'roles',
            label: t('portal.my.profile.identity'),
            children: me.roles.map((r) => (r in roleNames ? roleNames[r as keyof typeof roleNames][locale] : r)).join('、'),
          },
          ...(me.enterpriseName && me.accountType === 'citizen'
            ? [{ key: 'acting', label: t('portal.my.acting.current'), children: me.enterpriseName }]
            : []),
        ]}
      />
    </Card>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <>
      <PageHeader title={me.accountType === 'enterprise' ? t('portal.my.profile.enterpriseTitle') : t('portal.my.profile.title')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {me.accountType === 'citizen' ? <PersonCard me={me} /> : null}
        <AccountCard me={me} />
      </Space>
    </>
  );
}
