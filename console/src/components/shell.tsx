/**
 * The signed-in frame: navigation (the board and the SLA and chat reports for supervisors), the
 * search box, the user, language switch and sign-out. On a phone (below 768 px, where alarm links
 * are opened in DingTalk / WeCom) the navigation, user and sign-out move into a drawer behind ☰
 * and the search box gets the full width under the header.
 */
import { AuditOutlined, BarChartOutlined, DashboardOutlined, EditOutlined, LogoutOutlined, MenuOutlined, MessageOutlined, ProfileOutlined, ScheduleOutlined, SearchOutlined, SmileOutlined, TranslationOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { currentSession, signOut } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS } from '../i18n/labels.ts';
import { word } from '../i18n/standard-words.ts';
import { peopleWord } from '../i18n/people-words.ts';
import { HeaderSearch } from './header-search.tsx';
import { useNarrow } from './use-narrow.ts';

const NO_WRAP = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useNarrow();
  const [drawer, setDrawer] = useState(false);
  const session = currentSession();
  const supervisor = session?.roles.includes('supervisor') ?? false;
  const items = [
    { key: '/queue', icon: <ProfileOutlined />, label: t('nav.queue') },
    { key: '/cases', icon: <SearchOutlined />, label: t('nav.cases') },
    ...(supervisor
      ? [
          { key: '/board', icon: <DashboardOutlined />, label: t('nav.board') },
          { key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') },
          { key: '/chat-report', icon: <MessageOutlined />, label: t('nav.chat') },
          { key: '/satisfaction', icon: <SmileOutlined />, label: word('nav.satisfaction', lang) },
          { key: '/qa', icon: <AuditOutlined />, label: peopleWord('nav.qa', lang) },
        ]
      : []),
    { key: '/scorecards', icon: <TrophyOutlined />, label: peopleWord('nav.scorecards', lang) },
    { key: '/policy', icon: <ScheduleOutlined />, label: t('nav.policy') },
    ...(session?.roles.includes('operator') ? [{ key: '/policy/edit', icon: <EditOutlined />, label: t('nav.policyEdit') }] : []),
  ];
  const selected = items.find((item) => location.pathname === item.key || location.pathname.startsWith(`${item.key}?`))?.key ?? (location.pathname.startsWith('/cases') ? '' : '/queue');
  const go = (key: string) => {
    setDrawer(false);
    void navigate(key);
  };
  const who = `${session?.user ?? ''} · ${session?.roles.map((role) => labelOf(ROLE_LABELS, role, lang)).join('、') ?? ''}`;
  const language = (
    <Button icon={<TranslationOutlined />} aria-label={t('nav.languageLabel')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('nav.language')}
    </Button>
  );
  const signOutButton = (
    <Button icon={<LogoutOutlined />} onClick={signOut}>
      {t('nav.signOut')}
    </Button>
  );

  if (narrow)
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, background: '#fff', borderBottom: '1px solid #d9d9d9', paddingInline: 12 }}>
          <Button icon={<MenuOutlined />} aria-label={t('nav.menu')} aria-expanded={drawer} onClick={() => setDrawer(true)} />
          <Typography.Title level={4} style={{ margin: 0, ...NO_WRAP }}>
            {t('app.title')}
          </Typography.Title>
        </Layout.Header>
        <div style={{ padding: '8px 12px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
          <HeaderSearch />
        </div>
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={280} title={<span style={NO_WRAP}>{who}</span>}>
          <nav aria-label={t('app.title')}>
            <Menu mode="vertical" selectedKeys={[selected]} items={items} onClick={({ key }) => go(key)} style={{ borderInlineEnd: 'none' }} />
          </nav>
          <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
            {language}
            {signOutButton}
          </Space>
        </Drawer>
        <Layout.Content style={{ padding: 12 }}>{children}</Layout.Content>
      </Layout>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #d9d9d9', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <nav aria-label={t('app.title')} style={{ flex: 1, minWidth: 0 }}>
          {/* Tighter items than antd's 20 px, so a supervisor's six fit at 1400 px in CJK fonts instead of folding under "⋯". */}
          <Menu mode="horizontal" selectedKeys={[selected]} items={items.map((item) => ({ ...item, style: { paddingInline: 12 } }))} onClick={({ key }) => go(key)} style={{ borderBottom: 'none' }} />
        </nav>
        <HeaderSearch width={240} />
        <Space>
          <Typography.Text style={{ ...NO_WRAP, maxWidth: 240, display: 'inline-block', verticalAlign: 'middle' }}>{who}</Typography.Text>
          {language}
          {signOutButton}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
