import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../lib/api";
import { errorMessage } from "../../lib/i18n";
import { Page } from "../layout/Page";

/** The page for a meeting that cannot be shown: gone or not mine (the server does not say which), or an error. */
export function MeetingUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const gone = error instanceof ApiError && (error.code === "not_found" || error.code === "forbidden");
  return (
    <Page title={gone ? t("meetings.notFoundTitle") : t("meetings.errorTitle")}>
      <p>{gone ? t("meetings.notFoundText") : errorMessage(t, error)}</p>
      <p>
        <Link to="/">{t("groups.backHome")}</Link>
      </p>
    </Page>
  );
}
