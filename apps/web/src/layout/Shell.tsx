import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { api, unwrap } from '../api/client';
import { DepartmentName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';

const OFFICERS = ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD', 'DEPARTMENT_ADMIN', 'SYSTEM_ADMIN'];

/** Open and red counts for the navigation, refreshed every 30 s (the inbox refreshes on its own). */
function useInboxCounts() {
  const count = (query: Record<string, string>) =>
    unwrap(api.GET('/tasks', { params: { query: { limit: 1, ...query } } })).then((p) => p.total);
  return useQuery({
    queryKey: ['inbox-counts'],
    queryFn: async () => ({ open: await count({}), red: await count({ escalation: 'RED' }) }),
    refetchInterval: 30_000,
  });
}

export function Shell() {
  const { t, code, lang, setLang } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const counts = useInboxCounts();

  const items: MenuProps['items'] = [
    {
      key: '/ui/inbox',
      label: (
        <Link to="/ui/inbox" data-nav="inbox">
          <Space size={4}>
            {t('inbox')}
            <Badge
              count={counts.data?.open ?? 0}
              showZero
              color="#1554ad"
              title={t('openCount', { count: counts.data?.open ?? 0 })}
              data-count="open"
            />
            {(counts.data?.red ?? 0) > 0 && (
              <Badge
                count={counts.data?.red}
                color="red"
                title={t('redCount', { count: counts.data?.red ?? 0 })}
                data-count="red"
              />
            )}
          </Space>
        </Link>
      ),
    },
    ...(hasRole(user, ...OFFICERS, 'LEGAL_REVIEWER')
      ? [{ key: '/ui/cases', label: <Link to="/ui/cases">{t('cases')}</Link> }]
      : []),
    ...(hasRole(user, 'LEGAL_REVIEWER')
      ? [{ key: '/ui/legal-review', label: <Link to="/ui/legal-review">{t('legalReview')}</Link> }]
      : []),
    ...(hasRole(user, 'AGENCY_HEAD', 'DEPARTMENT_ADMIN', 'SYSTEM_ADMIN')
      ? [{ key: '/ui/dashboard', label: <Link to="/ui/dashboard">{t('dashboard')}</Link> }]
      : []),
    ...(hasRole(user, 'AGENCY_HEAD', 'DISCIPLINE_BODY')
      ? [{ key: '/ui/referrals', label: <Link to="/ui/referrals">{t('referrals')}</Link> }]
      : []),
    ...(hasRole(user, ...OFFICERS)
      ? [{ key: '/ui/accidents', label: <Link to="/ui/accidents">{t('accidents')}</Link> }]
      : []),
    ...(hasRole(user, ...OFFICERS)
      ? [{ key: '/ui/indicators', label: <Link to="/ui/indicators">{t('indicators')}</Link> }]
      : []),
    { key: '/ui/public', label: <Link to="/ui/public/decisions">{t('publicPages')}</Link> },
  ];
  const selected = items
    .map((item) => String(item?.key))
    .filter((key) => location.pathname.startsWith(key))
    .slice(0, 1);
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected}
      onClick={() => setDrawerOpen(false)}
      aria-label={t('menu')}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {!narrow && (
        <Layout.Sider width={200} breakpoint="md" collapsedWidth={0}>
          <Typography.Title level={5} style={{ color: '#fff', padding: '16px 16px 8px', margin: 0 }}>
            {t('appTitle')}
          </Typography.Title>
          <nav>{menu}</nav>
        </Layout.Sider>
      )}
      <Drawer
        open={narrow && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        placement="left"
        size={220}
        styles={{ body: { padding: 0, background: '#001529' } }}
        title={t('appTitle')}
      >
        <nav>{menu}</nav>
      </Drawer>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            flexWrap: 'wrap',
            lineHeight: '32px',
            minHeight: 56,
            height: 'auto',
          }}
        >
          {narrow && <Button icon={<MenuOutlined />} aria-label={t('menu')} onClick={() => setDrawerOpen(true)} />}
          <div style={{ flex: 1 }} />
          <span data-testid="whoami">
            <Typography.Text strong>{user?.username}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              <DepartmentName id={user?.departmentId} />
            </Typography.Text>{' '}
            {!narrow && user?.roles.map((role) => <Tag key={role}>{code(role)}</Tag>)}
          </span>
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
            {t('language')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              logout();
              void navigate('/ui/login');
            }}
          >
            {t('logout')}
          </Button>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="page-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
