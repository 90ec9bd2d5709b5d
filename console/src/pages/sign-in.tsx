/**
 * Sign-in. Local home: user name and password to `POST /auth/login` (accounts made with
 * `npm run -s user -- add`). AWS home: Cognito managed login. A signed-in user goes to the queue.
 */
import { LockOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, postJson } from '../api/client.ts';
import { config } from '../api/config.ts';
import { finishCognitoLogin, startCognitoLogin } from '../auth/cognito.ts';
import { signIn } from '../auth/session.ts';
import { takeReturnTo } from '../routing/return-to.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Credentials {
  user: string;
  password: string;
}

export default function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const auth = config().auth;

  useEffect(() => {
    if (auth.kind !== 'cognito') return;
    void finishCognitoLogin(auth, location.search).then((session) => {
      if (!session) return;
      history.replaceState(null, '', location.pathname);
      void navigate(takeReturnTo(), { replace: true });
    });
  }, [auth, navigate]);

  const submit = async (values: Credentials): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await postJson<{ token: string; expiresAt: string }>('/auth/login', values, { anonymous: true });
      signIn(answer.token, answer.expiresAt);
      void navigate(takeReturnTo(), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(t('signIn.slowDown', { seconds: /(\d+)\s*s/.exec(e.message)?.[1] ?? '…' }));
      else if (e instanceof ApiError && e.status === 401) setError(t('signIn.failed'));
      else setError(t('error.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>
          {t('app.title')} · {t('signIn.title')}
        </Typography.Title>
        {auth.kind === 'cognito' ? (
          <Button type="primary" block icon={<LoginOutlined />} onClick={() => void startCognitoLogin(auth)}>
            {t('signIn.cognito')}
          </Button>
        ) : (
          <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item label={t('signIn.user')} name="user" rules={[{ required: true, message: t('signIn.user') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.password') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={busy} icon={<LoginOutlined />}>
              {t('signIn.submit')}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
              {t('signIn.hint')}
            </Typography.Paragraph>
          </Form>
        )}
        <Button type="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('nav.languageLabel')}>
          {t('nav.language')}
        </Button>
      </Card>
    </main>
  );
}
