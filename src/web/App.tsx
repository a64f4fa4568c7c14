import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { ActionPlanPage } from './pages/ActionPlanPage.tsx';
import { AgreementPage } from './pages/AgreementPage.tsx';
import { AgreementsPage } from './pages/AgreementsPage.tsx';
import { AlignmentPage } from './pages/AlignmentPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { CountriesPage } from './pages/CountriesPage.tsx';
import { CountryPage } from './pages/CountryPage.tsx';
import { DashboardsPage } from './pages/DashboardsPage.tsx';
import { DeliveryPage } from './pages/DeliveryPage.tsx';
import { ExchangeRatesPage } from './pages/ExchangeRatesPage.tsx';
import { FrameworksPage } from './pages/FrameworksPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { IatiPage } from './pages/IatiPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { OfficeFormPage } from './pages/OfficeFormPage.tsx';
import { OfficesPage } from './pages/OfficesPage.tsx';
import { PartnerPage } from './pages/PartnerPage.tsx';
import { PartnersPage } from './pages/PartnersPage.tsx';
import { PlansPage } from './pages/PlansPage.tsx';
import { ProjectFormPage } from './pages/ProjectFormPage.tsx';
import { ProjectPage } from './pages/ProjectPage.tsx';
import { ProjectsPage } from './pages/ProjectsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { StrategyPage } from './pages/StrategyPage.tsx';
import { NewUserPage, UserPage } from './pages/UserFormPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { SessionProvider, useSession } from './session.tsx';

function Screens() {
  const { t } = useTranslation();
  const { user, checking } = useSession();
  if (checking) return <p className="loading">{t('errors.loading')}</p>;
  if (!user) return <SignInPage />;
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/offices" element={<OfficesPage />} />
        <Route path="/offices/:id" element={<OfficeFormPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/users/new" element={<NewUserPage />} />
        <Route path="/users/:id" element={<UserPage />} />
        <Route path="/countries" element={<CountriesPage />} />
        <Route path="/countries/:code" element={<CountryPage />} />
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/alignment" element={<AlignmentPage />} />
        <Route path="/frameworks" element={<FrameworksPage />} />
        <Route path="/partners" element={<PartnersPage />} />
        <Route path="/partners/:id" element={<PartnerPage />} />
        <Route path="/agreements" element={<AgreementsPage />} />
        <Route path="/agreements/:id" element={<AgreementPage />} />
        <Route path="/delivery" element={<DeliveryPage />} />
        <Route path="/dashboards" element={<DashboardsPage />} />
        <Route path="/imports" element={<ImportPage />} />
        <Route path="/exchange-rates" element={<ExchangeRatesPage />} />
        <Route path="/iati" element={<IatiPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/plans/strategies/:code" element={<StrategyPage />} />
        <Route path="/plans/actions/:code" element={<ActionPlanPage />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/projects/new" element={<ProjectFormPage />} />
        <Route path="/projects/:id" element={<ProjectPage />} />
        <Route path="/projects/:id/edit" element={<ProjectFormPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Screens />
      </SessionProvider>
    </BrowserRouter>
  );
}
