/**
 * The console's shell: Ant Design in the chosen language (zh_CN by default), TanStack Query, and
 * hash routes (`/console/#/queue`) so the same static files work behind any host without rewrites.
 * Only the queue is in the first load; sign-in, the other pages, the step dialogs and the charts
 * load on first use (npm run bench:console checks the queue route's size).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, App as AntApp, Spin, type ThemeConfig } from 'antd';
import 'antd/dist/antd.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { setPickerLanguage } from './time/picker-zone.ts';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import { queryClient } from './api/query-client.ts';
import { currentSession, onSignOut } from './auth/session.ts';
import { rememberReturnTo } from './routing/return-to.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { Shell } from './components/shell.tsx';
import { StepDialogProvider } from './components/step-actions.tsx';
import { QueuePage } from './pages/queue.tsx';

const SignInPage = lazy(() => import('./pages/sign-in.tsx'));
const CasePage = lazy(() => import('./pages/case.tsx'));
const CasesPage = lazy(() => import('./pages/cases.tsx'));
const BoardPage = lazy(() => import('./pages/board.tsx'));
const ReportsPage = lazy(() => import('./pages/reports.tsx'));
const ChatReportPage = lazy(() => import('./pages/chat-report.tsx'));
const PolicyPage = lazy(() => import('./pages/policy.tsx'));
const SatisfactionPage = lazy(() => import('./pages/satisfaction.tsx'));
const ScorecardsPage = lazy(() => import('./pages/scorecards.tsx'));
const QaPage = lazy(() => import('./pages/qa.tsx'));
const PolicyEditorPage = lazy(() => import('./pages/policy-editor.tsx'));
const RosterPage = lazy(() => import('./pages/roster.tsx'));


function subscribeSession(onChange: () => void): () => void {
  const off = onSignOut(onChange);
  return () => void off();
}

/** Pages behind sign-in; a sign-out (or a 401) sends the user to the sign-in page. */
function SignedIn() {
  const session = useSyncExternalStore(subscribeSession, currentSession);
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (!session) {
      // The page asked for (a case an alarm linked to) opens after sign-in.
      rememberReturnTo(`${location.pathname}${location.search}`);
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    }
  }, [session, navigate, location]);
  if (!session) return null;
  return (
    <StepDialogProvider>
      <Shell>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Shell>
    </StepDialogProvider>
  );
}

/** Made on first render, after main.tsx turned a link by path into its hash route (the router reads the URL once, when made). */
let router: ReturnType<typeof createHashRouter> | undefined;
const routes: Parameters<typeof createHashRouter>[0] = [
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Spin />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <SignedIn />,
    children: [
      { index: true, element: <Navigate to="/queue" replace /> },
      { path: '/queue', element: <QueuePage /> },
      { path: '/cases', element: <CasesPage /> },
      { path: '/cases/:caseId', element: <CasePage /> },
      { path: '/board', element: <BoardPage /> },
      { path: '/reports', element: <ReportsPage /> },
      { path: '/chat-report', element: <ChatReportPage /> },
      { path: '/satisfaction', element: <SatisfactionPage /> },
      { path: '/scorecards', element: <ScorecardsPage /> },
      { path: '/qa', element: <QaPage /> },
      { path: '/policy', element: <PolicyPage /> },
      { path: '/policy/edit', element: <PolicyEditorPage /> },
      { path: '/roster', element: <RosterPage /> },
      { path: '*', element: <Navigate to="/queue" replace /> },
    ],
  },
];

/**
 * Zero-runtime styles: Ant Design's prebuilt stylesheet (antd/dist/antd.css, same package version)
 * instead of generating each component's CSS in the browser on first draw, which was the largest
 * part of the queue's first render. The tokens still apply, as CSS variables. Secondary and
 * description text at 65 % black: ≥ 4.5:1 on white (WCAG AA), where antd's 45 % is 3.4:1.
 */
const THEME: ThemeConfig = { zeroRuntime: true, token: { colorPrimary: '#0958d9', colorTextSecondary: 'rgba(0,0,0,0.65)', colorTextDescription: 'rgba(0,0,0,0.65)' } };

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // Before the pickers draw: day.js's locale is global, read when a panel renders.
  setPickerLanguage(lang);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Localised>
          <RouterProvider router={(router ??= createHashRouter(routes))} />
        </Localised>
      </QueryClientProvider>
    </I18nProvider>
  );
}
