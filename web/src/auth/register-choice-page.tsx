import { Card, Typography } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card';

export function RegisterChoicePage() {
  const { t } = useTranslation();
  const choices = [
    { to: '/register/citizen', icon: <UserOutlined />, title: t('auth.register.citizenTitle'), text: t('auth.register.citizenCard') },
    { to: '/register/enterprise', icon: <BankOutlined />, title: t('auth.register.enterpriseTitle'), text: t('auth.register.enterpriseCard') },
  ];
  return (
    <AuthCard title={t('auth.register.title')} intro={t('auth.register.chooseIntro')}>
      <div className="zt-card-grid">
        {choices.map((c) => (
          <Link key={c.to} to={c.to} className="zt-card-link">
            <Card hoverable>
              <Typography.Title level={2} style={{ fontSize: '1.25em', marginTop: 0 }}>
                {c.icon} {c.title}
              </Typography.Title>
              <Typography.Text type="secondary">{c.text}</Typography.Text>
            </Card>
          </Link>
        ))}
      </div>
    </AuthCard>
  );
}
