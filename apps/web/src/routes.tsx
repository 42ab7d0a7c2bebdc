import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useSession } from './lib/session';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/LoginPage';
import { InboxPage } from './pages/InboxPage';
import { TaskPage } from './pages/TaskPage';
import { CasesPage } from './pages/CasesPage';
import { CasePage } from './pages/CasePage';
import { PublicLayout } from './pages/public/PublicLayout';
import { PublicDecisionsPage, PublicDishonestPage } from './pages/public/PublicDisclosurePages';
import { PublicAccidentReportPage, PublicAccidentReportsPage } from './pages/public/PublicAccidentPages';
import { PublicDrawsPage } from './pages/public/PublicDrawsPage';
import { PublicSummonsesPage } from './pages/public/PublicSummonsesPage';
import { PublicComplaintPage, PublicComplaintTrackPage } from './pages/public/PublicComplaintPages';
import { ReferralPage, ReferralsPage } from './pages/ReferralPages';
import { AccidentPage, AccidentReportPage, AccidentsPage } from './pages/AccidentPages';
import { LegalReviewPage } from './pages/LegalReviewPage';
import { IndicatorsPage } from './pages/IndicatorsPage';

/** ECharts is large: the dashboard loads it when opened. */
const DashboardPage = lazy(() => import('./pages/DashboardPage'));

/**
 * Client-side routes, all under /ui/ (the API answers index.html there and at /, and no API route
 * starts with /ui). Public pages need no login.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/ui/inbox" replace />} />
      <Route path="/ui" element={<Navigate to="/ui/inbox" replace />} />
      <Route path="/ui/login" element={<LoginPage />} />
      <Route path="/ui/public" element={<PublicLayout />}>
        <Route index element={<Navigate to="/ui/public/decisions" replace />} />
        <Route path="decisions" element={<PublicDecisionsPage />} />
        <Route path="dishonest" element={<PublicDishonestPage />} />
        <Route path="accidents" element={<PublicAccidentReportsPage />} />
        <Route path="accidents/:id" element={<PublicAccidentReportPage />} />
        <Route path="draws" element={<PublicDrawsPage />} />
        <Route path="summonses" element={<PublicSummonsesPage />} />
        <Route path="complaint" element={<PublicComplaintPage />} />
        <Route path="complaint/track" element={<PublicComplaintTrackPage />} />
      </Route>
      <Route
        path="/ui"
        element={
          <RequireLogin>
            <Shell />
          </RequireLogin>
        }
      >
        <Route path="inbox" element={<InboxPage />} />
        <Route path="tasks/:id" element={<TaskPage />} />
        <Route path="cases" element={<CasesPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="legal-review" element={<LegalReviewPage />} />
        <Route
          path="dashboard"
          element={
            <Suspense fallback={<Spin />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route path="referrals" element={<ReferralsPage />} />
        <Route path="referrals/:id" element={<ReferralPage />} />
        <Route path="accidents" element={<AccidentsPage />} />
        <Route path="accidents/new" element={<AccidentReportPage />} />
        <Route path="accidents/:id" element={<AccidentPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="*" element={<Navigate to="/ui/inbox" replace />} />
      </Route>
    </Routes>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/ui/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
