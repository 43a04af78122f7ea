import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { SignInPage } from './screens/account/SignInPage';
import { SignUpPage } from './screens/account/SignUpPage';
import { ChangePasswordPage } from './screens/account/ChangePasswordPage';
import { AuditLogPage } from './screens/audit/AuditLogPage';
import { ContractsAdminPage } from './screens/contracts/ContractsAdminPage';
import { ModerationPage } from './screens/moderation/ModerationPage';
import { MyOrganizationPage } from './screens/myOrganization/MyOrganizationPage';
import { ToolPage } from './screens/tool/ToolPage';
import { CataloguePage } from './screens/catalogue/CataloguePage';
import { ComparePage } from './screens/compare/ComparePage';
import { DirectoryPage } from './screens/directory/DirectoryPage';
import { NotFoundPage } from './screens/misc/NotFoundPage';
import { OpenDataPage } from './screens/opendata/OpenDataPage';
import { OrganizationPage } from './screens/organization/OrganizationPage';
import { GroupPage } from './screens/groups/GroupPage';
import { GroupsPage } from './screens/groups/GroupsPage';

// The statistics page carries the chart library and the map: loaded when it is opened, not with every page.
const StatisticsPage = lazy(() => import('./screens/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));

/** The routes; the router and the Apollo client are provided by main.tsx (or by a test). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/catalogue" replace />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="catalogue/:slug" element={<ToolPage />} />
        <Route path="comparer" element={<ComparePage />} />
        <Route path="groupements" element={<GroupsPage />} />
        <Route path="groupements/:id" element={<GroupPage />} />
        <Route path="territoires" element={<DirectoryPage />} />
        <Route path="territoires/:siren" element={<OrganizationPage />} />
        <Route path="statistiques" element={<Suspense fallback={<p role="status">Chargement des statistiques…</p>}><StatisticsPage /></Suspense>} />
        <Route path="donnees" element={<OpenDataPage />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="inscription" element={<SignUpPage />} />
        <Route path="mot-de-passe" element={<ChangePasswordPage />} />
        <Route path="mon-organisation" element={<MyOrganizationPage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="journal" element={<AuditLogPage />} />
        <Route path="administration/marches" element={<ContractsAdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
