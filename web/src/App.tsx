import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { SignInPage } from './screens/account/SignInPage';
import { SignUpPage } from './screens/account/SignUpPage';
import { AuditLogPage } from './screens/audit/AuditLogPage';
import { ModerationPage } from './screens/moderation/ModerationPage';
import { MyOrganizationPage } from './screens/myOrganization/MyOrganizationPage';
import { ToolPage } from './screens/tool/ToolPage';
import { CataloguePage } from './screens/catalogue/CataloguePage';
import { DirectoryPage } from './screens/directory/DirectoryPage';
import { ComingSoonPage } from './screens/misc/ComingSoonPage';
import { NotFoundPage } from './screens/misc/NotFoundPage';
import { OrganizationPage } from './screens/organization/OrganizationPage';

/** The routes; the router and the Apollo client are provided by main.tsx (or by a test). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/catalogue" replace />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="catalogue/:slug" element={<ToolPage />} />
        <Route
          path="comparer"
          element={
            <ComingSoonPage title="Comparer">
              Comparer des outils d'IA côte à côte : coût annuel pour votre collectivité, hébergement, conformité et
              impact environnemental, chaque chiffre avec sa source.
            </ComingSoonPage>
          }
        />
        <Route
          path="groupements"
          element={
            <ComingSoonPage title="Groupements">
              Se regrouper entre collectivités pour acheter ensemble une ressource d'IA (groupements de commandes) et en
              partager le coût.
            </ComingSoonPage>
          }
        />
        <Route path="territoires" element={<DirectoryPage />} />
        <Route path="territoires/:siren" element={<OrganizationPage />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="inscription" element={<SignUpPage />} />
        <Route path="mon-organisation" element={<MyOrganizationPage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="journal" element={<AuditLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
