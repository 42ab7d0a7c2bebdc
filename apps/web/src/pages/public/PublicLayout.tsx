import { Link, Outlet, useLocation } from 'react-router';
import { Button, Layout, Menu, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';

/** 行政执法公示 and 事故调查报告公开: open to anyone, personal data masked by the API before it is stored or sent. */
export function PublicLayout() {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const items = [
    { key: '/ui/public/decisions', label: <Link to="/ui/public/decisions">{t('publicDecisions')}</Link> },
    { key: '/ui/public/dishonest', label: <Link to="/ui/public/dishonest">{t('publicDishonest')}</Link> },
    { key: '/ui/public/accidents', label: <Link to="/ui/public/accidents">{t('publicAccidents')}</Link> },
    { key: '/ui/public/draws', label: <Link to="/ui/public/draws">{t('publicDraws')}</Link> },
    { key: '/ui/public/summonses', label: <Link to="/ui/public/summonses">{t('publicSummonses')}</Link> },
    { key: '/ui/public/complaint', label: <Link to="/ui/public/complaint">{t('publicComplaint')}</Link> },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px', height: 'auto', flexWrap: 'wrap' }}
      >
        <Typography.Text strong style={{ color: '#fff' }}>
          {t('publicPages')}
        </Typography.Text>
        <nav style={{ flex: 1, minWidth: 200 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            items={items}
            selectedKeys={items.map((i) => i.key).filter((key) => location.pathname.startsWith(key))}
          />
        </nav>
        <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </Button>
        <Link to="/ui/login" style={{ color: '#fff' }}>
          {t('staffLogin')}
        </Link>
      </Layout.Header>
      <Layout.Content id="main" className="page-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
