import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useAuth } from "../../lib/auth";
import { errorMessage, withAllStrings } from "../../lib/i18n";
import { LanguageSelect } from "./LanguageSelect";

// Chat (its API, styles and live unread counts) is for signed-in users only: loaded with the first
// signed-in page, never on the sign-in page.
const UnreadBadge = lazy(withAllStrings(() => import("../chat/UnreadBadge")));

export function Layout() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onSignOut() {
    setSigningOut(true);
    setProblem(null);
    try {
      await signOut();
      await navigate("/sign-in");
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand">
            Piiri
          </NavLink>
          <nav aria-label={t("layout.mainNavigation")} className="site-nav">
            <ul>
              {state.status === "signedIn" ? (
                <>
                  <li>
                    <NavLink to="/" end>
                      {t("nav.home")}
                      <Suspense fallback={null}>
                        <UnreadBadge />
                      </Suspense>
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/methods">{t("methods.nav")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/search">{t("nav.search")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/account">{t("nav.account")}</NavLink>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">{t("nav.register")}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="site-header__tools">
            <LanguageSelect />
            {state.status === "signedIn" && (
              <button type="button" className="button button--secondary" onClick={() => void onSignOut()} disabled={signingOut}>
                {t("nav.signOut")}
              </button>
            )}
          </div>
        </div>
        {problem && (
          <p className="banner banner--error" role="alert">
            {problem}
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}
