import { useTranslation } from "react-i18next";
import { useUser } from "../../lib/auth";
import { Page } from "../layout/Page";

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();

  return (
    <Page title={t("home.greeting", { name: user.displayName })} documentTitle={t("home.title")}>
      <p className="page__lead">{t("home.lead")}</p>
      <section className="card" aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("home.groupsTitle")}</h2>
        {/* Groups arrive with a later feature; until then every user sees the empty state. */}
        <div className="empty-state">
          <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <circle cx="32" cy="32" r="26" fill="none" stroke="currentColor" strokeWidth="3" />
            <circle cx="32" cy="12" r="5" />
            <circle cx="51" cy="40" r="5" />
            <circle cx="13" cy="40" r="5" />
          </svg>
          <p className="empty-state__title">{t("home.groupsEmptyTitle")}</p>
          <p>{t("home.groupsEmptyText")}</p>
        </div>
      </section>
    </Page>
  );
}
