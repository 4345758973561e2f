import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { loadBeforeSocketConnects, useAuth } from "./lib/auth";
import { withAllStrings } from "./lib/i18n";
import { RegisterPage } from "./features/auth/RegisterPage";
import { SignInPage } from "./features/auth/SignInPage";
import { AnnouncerProvider } from "./features/groups/announcer";
import { Layout } from "./features/layout/Layout";
import { Page } from "./features/layout/Page";

// Pages past sign-in load on demand, keeping the first page load small.
const AccountPage = lazy(withAllStrings(() => import("./features/account/AccountPage")));
const HomePage = lazy(withAllStrings(() => import("./features/home/HomePage")));
const GroupPage = lazy(withAllStrings(() => import("./features/groups/GroupPage")));
const ProgrammePage = lazy(withAllStrings(() => import("./features/programmes/ProgrammePage")));
const JoinPage = lazy(withAllStrings(() => import("./features/join/JoinPage")));
const NotebookPage = lazy(withAllStrings(() => import("./features/notes/NotebookPage")));
const SearchPage = lazy(withAllStrings(() => import("./features/chat/SearchPage")));
const AnswerPage = lazy(withAllStrings(() => import("./features/assessments/AnswerPage")));
const GrowthPage = lazy(withAllStrings(() => import("./features/assessments/GrowthPage")));
const TemplatesPage = lazy(withAllStrings(() => import("./features/assessments/TemplatesPage")));
const MeetingPage = lazy(withAllStrings(() => import("./features/meetings/MeetingPage")));
const MeetingSummaryPage = lazy(withAllStrings(() => import("./features/meetings/SummaryPage")));
const GatheringPage = lazy(withAllStrings(() => import("./features/gatherings/GatheringPage")));
const MethodsPage = lazy(withAllStrings(() => import("./features/methods/MethodsPage")));
const MethodCardPage = lazy(withAllStrings(() => import("./features/methods/MethodCardPage")));

// Socket pushes about groups reach the query cache whichever page is open. Signed-in users only, so
// loaded with the socket, which waits for it: its listeners are then in place before the first push.
const loadLiveUpdates = withAllStrings(() => import("./features/layout/LiveUpdates"));
const LiveUpdates = lazy(loadLiveUpdates);
loadBeforeSocketConnects(loadLiveUpdates);

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

/** Pages for signed-in users; others go to sign in and come back afterwards. */
function RequireUser({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === "loading") return <Loading />;
  if (state.status === "signedOut") return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function SignedInLiveUpdates() {
  const { state } = useAuth();
  if (state.status !== "signedIn") return null;
  return (
    <Suspense fallback={null}>
      <LiveUpdates />
    </Suspense>
  );
}

/** Sign-in and registration make no sense when already signed in. */
function RequireGuest({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === "loading") return <Loading />;
  if (state.status === "signedIn") return <Navigate to="/" replace />;
  return children;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.text")}</p>
    </Page>
  );
}

export function App() {
  return (
    <AnnouncerProvider>
      <SignedInLiveUpdates />
      <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <RequireUser>
              <HomePage />
            </RequireUser>
          }
        />
        <Route
          path="account"
          element={
            <RequireUser>
              <AccountPage />
            </RequireUser>
          }
        />
        <Route
          path="sign-in"
          element={
            <RequireGuest>
              <SignInPage />
            </RequireGuest>
          }
        />
        <Route
          path="register"
          element={
            <RequireGuest>
              <RegisterPage />
            </RequireGuest>
          }
        />
        <Route
          path="groups/:groupId"
          element={
            <RequireUser>
              <GroupPage />
            </RequireUser>
          }
        />
        <Route
          path="groups/:groupId/notes/:pageId?"
          element={
            <RequireUser>
              <NotebookPage />
            </RequireUser>
          }
        />
        <Route
          path="groups/:groupId/assessments/:roundId"
          element={
            <RequireUser>
              <AnswerPage />
            </RequireUser>
          }
        />
        <Route
          path="groups/:groupId/growth"
          element={
            <RequireUser>
              <GrowthPage />
            </RequireUser>
          }
        />
        <Route
          path="groups/:groupId/assessment-templates"
          element={
            <RequireUser>
              <TemplatesPage />
            </RequireUser>
          }
        />
        <Route
          path="programmes/:programmeId/assessment-templates"
          element={
            <RequireUser>
              <TemplatesPage />
            </RequireUser>
          }
        />
        <Route
          path="methods"
          element={
            <RequireUser>
              <MethodsPage />
            </RequireUser>
          }
        />
        <Route
          path="methods/:cardId"
          element={
            <RequireUser>
              <MethodCardPage />
            </RequireUser>
          }
        />
        <Route
          path="meetings/:meetingId"
          element={
            <RequireUser>
              <MeetingPage />
            </RequireUser>
          }
        />
        <Route
          path="meetings/:meetingId/summary"
          element={
            <RequireUser>
              <MeetingSummaryPage />
            </RequireUser>
          }
        />
        <Route
          path="gatherings/:gatheringId"
          element={
            <RequireUser>
              <GatheringPage />
            </RequireUser>
          }
        />
        <Route
          path="search"
          element={
            <RequireUser>
              <SearchPage />
            </RequireUser>
          }
        />
        <Route
          path="programmes/:programmeId"
          element={
            <RequireUser>
              <ProgrammePage />
            </RequireUser>
          }
        />
        <Route
          path="join/:token"
          element={
            <Suspense fallback={<Loading />}>
              <JoinPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      </Routes>
    </AnnouncerProvider>
  );
}
