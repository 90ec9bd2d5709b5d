/** The signed-in frame: navigation (the board and the SLA and chat reports for supervisors), the user, language switch and sign-out. */
import { BarChartOutlined, DashboardOutlined, SmileOutlined, LogoutOutlined, MessageOutlined, ProfileOutlined, ScheduleOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { currentSession, signOut } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS } from '../i18n/labels.ts';
import { word } from '../i18n/standard-words.ts';

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const session = currentSession();
  const supervisor = session?.roles.includes('supervisor') ?? false;
  const items = [
    { key: '/queue', icon: <ProfileOutlined />, label: t('nav.queue') },
    ...(supervisor
      ? [
          { key: '/board', icon: <DashboardOutlined />, label: t('nav.board') },
          { key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') },
          { key: '/chat-report', icon: <MessageOutlined />, label: t('nav.chat') },
          { key: '/satisfaction', icon: <SmileOutlined />, label: word('nav.satisfaction', lang) },
        ]
      : []),
    { key: '/policy', icon: <ScheduleOutlined />, label: t('nav.policy') },
  ];
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key ?? '/queue';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #d9d9d9', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <nav aria-label={t('app.title')} style={{ flex: 1, minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={[selected]} items={items} onClick={({ key }) => void navigate(key)} style={{ borderBottom: 'none' }} />
        </nav>
        <Space>
          <Typography.Text>
            {session?.user} · {session?.roles.map((role) => labelOf(ROLE_LABELS, role, lang)).join('、')}
          </Typography.Text>
          <Button icon={<TranslationOutlined />} aria-label={t('nav.languageLabel')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('nav.language')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={signOut}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
