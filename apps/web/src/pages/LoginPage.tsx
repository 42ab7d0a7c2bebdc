import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { user, login, endedBecause } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/ui/inbox';
  if (user) return <Navigate to={from} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      void navigate(from, { replace: true });
    } catch (e) {
      setError(t('loginFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 12 }}>
      <Card style={{ width: 'min(400px, 100%)' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('appTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('staffLogin')}</Typography.Paragraph>
        {endedBecause === 'expired' && (
          <Alert type="warning" showIcon message={t('sessionExpired')} style={{ marginBottom: 12 }} />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="login-error"
          />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('username')} name="username" rules={[{ required: true, message: `${t('username')}?` }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: `${t('password')}?` }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }}>
          <Link to="/ui/public/decisions">{t('publicHome')}</Link>
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
        </Space>
      </Card>
    </main>
  );
}
