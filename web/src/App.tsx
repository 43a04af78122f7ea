import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';

/**
 * Each page is its own chunk, loaded when it is opened: the first load of a page carries its code only (the
 * statistics' chart library and map, the comparison's charts… stay out of the catalogue's first load).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const HomePage = page(() => import('./screens/home/HomePage'), 'HomePage');
const CataloguePage = page(() => import('./screens/catalogue/CataloguePage'), 'CataloguePage');
const ToolPage = page(() => import('./screens/tool/ToolPage'), 'ToolPage');
const ComparePage = page(() => import('./screens/compare/ComparePage'), 'ComparePage');
const GroupsPage = page(() => import('./screens/groups/GroupsPage'), 'GroupsPage');
const GroupPage = page(() => import('./screens/groups/GroupPage'), 'GroupPage');
const DirectoryPage = page(() => import('./screens/directory/DirectoryPage'), 'DirectoryPage');
const OrganizationPage = page(() => import('./screens/organization/OrganizationPage'), 'OrganizationPage');
const StatisticsPage = page(() => import('./screens/statistics/StatisticsPage'), 'StatisticsPage');
const OpenDataPage = page(() => import('./screens/opendata/OpenDataPage'), 'OpenDataPage');
const SignInPage = page(() => import('./screens/account/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('./screens/account/SignUpPage'), 'SignUpPage');
const ProConnectUnknownPage = page(() => import('./screens/account/ProConnectUnknownPage'), 'ProConnectUnknownPage');
const ChangePasswordPage = page(() => import('./screens/account/ChangePasswordPage'), 'ChangePasswordPage');
const MyOrganizationPage = page(() => import('./screens/myOrganization/MyOrganizationPage'), 'MyOrganizationPage');
const ModerationPage = page(() => import('./screens/moderation/ModerationPage'), 'ModerationPage');
const AuditLogPage = page(() => import('./screens/audit/AuditLogPage'), 'AuditLogPage');
const ContractsAdminPage = page(() => import('./screens/contracts/ContractsAdminPage'), 'ContractsAdminPage');
const MembershipQueuePage = page(() => import('./screens/admin/MembershipQueuePage'), 'MembershipQueuePage');
const NotificationsPage = page(() => import('./screens/notifications/NotificationsPage'), 'NotificationsPage');
const ReferentContactsPage = page(() => import('./screens/referents/ReferentContactsPage'), 'ReferentContactsPage');
const LibraryPage = page(() => import('./screens/library/LibraryPage'), 'LibraryPage');
const DocumentPage = page(() => import('./screens/library/DocumentPage'), 'DocumentPage');
const CharterBuilderPage = page(() => import('./screens/charter/CharterBuilderPage'), 'CharterBuilderPage');
const CharterPrintPage = page(() => import('./screens/charter/CharterPrintPage'), 'CharterPrintPage');
const TrainingPage = page(() => import('./screens/training/TrainingPage'), 'TrainingPage');
const NotFoundPage = page(() => import('./screens/misc/NotFoundPage'), 'NotFoundPage');

/** While a page's chunk loads. */
function Loading() {
  return (
    <p role="status" className="page-loading">
      Chargement…
    </p>
  );
}

/** The routes; the router and the Apollo client are provided by main.tsx (or by a test). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          element={
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="catalogue" element={<CataloguePage />} />
          <Route path="catalogue/:slug" element={<ToolPage />} />
          <Route path="comparer" element={<ComparePage />} />
          <Route path="groupements" element={<GroupsPage />} />
          <Route path="groupements/:id" element={<GroupPage />} />
          <Route path="territoires" element={<DirectoryPage />} />
          <Route path="territoires/:siren" element={<OrganizationPage />} />
          <Route path="territoires/:siren/charte" element={<CharterPrintPage />} />
          <Route path="statistiques" element={<StatisticsPage />} />
          <Route path="donnees" element={<OpenDataPage />} />
          <Route path="bibliotheque" element={<LibraryPage />} />
          <Route path="bibliotheque/:slug" element={<DocumentPage />} />
          <Route path="formations" element={<TrainingPage />} />
          <Route path="connexion" element={<SignInPage />} />
          <Route path="connexion/proconnect/organisation-inconnue" element={<ProConnectUnknownPage />} />
          <Route path="inscription" element={<SignUpPage />} />
          <Route path="mot-de-passe" element={<ChangePasswordPage />} />
          <Route path="mon-organisation" element={<MyOrganizationPage />} />
          <Route path="mon-organisation/charte" element={<CharterBuilderPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="mes-echanges" element={<ReferentContactsPage />} />
          <Route path="moderation" element={<ModerationPage />} />
          <Route path="journal" element={<AuditLogPage />} />
          <Route path="administration/marches" element={<ContractsAdminPage />} />
          <Route path="administration/adhesions" element={<MembershipQueuePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
