import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Button, Checkbox, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, invitationsApi } from "../../lib/api";
import { useAuth } from "../../lib/auth";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { formatDateTime } from "../../lib/dates";
import { FormAlert } from "../../lib/ui";
import { kindLabel } from "../groups/labels";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { rememberPendingJoin, takePendingJoin } from "./pendingJoin";

/**
 * Where an invitation link leads. Anyone sees the group's name, kind and agreement; joining needs an
 * account, so a signed-out visitor signs in or registers and is brought back here.
 */
export default function JoinPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const { state } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [accepted, setAccepted] = useState(false);
  const [showCheckError, setShowCheckError] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Back here after signing in: the detour is over, so home must not send the person here again.
  useEffect(() => {
    if (state.status === "signedIn") takePendingJoin();
  }, [state.status]);
  const preview = useQuery({ queryKey: ["invitation", token], queryFn: () => invitationsApi.preview(token), retry: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!accepted) {
      setShowCheckError(true);
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const { membership } = await invitationsApi.accept(token, true);
      await queryClient.invalidateQueries({ queryKey: groupKeys.mine });
      await navigate(`/groups/${membership.groupId}`, { replace: true });
    } catch (error) {
      setProblem(errorMessage(t, error));
      setPending(false);
    }
  }

  if (preview.isPending) {
    return (
      <Page title={t("join.loadingTitle")} className="page--medium">
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (preview.isError) {
    const invalid = preview.error instanceof ApiError && (preview.error.code === "invitation_invalid" || preview.error.code === "validation_failed");
    return (
      <Page title={t("join.invalidTitle")} className="page--medium">
        <div className="card">
          <p>{invalid ? t("join.invalidText") : errorMessage(t, preview.error)}</p>
          <p>
            <Link to="/">{t("groups.backHome")}</Link>
          </p>
        </div>
      </Page>
    );
  }

  const invitation = preview.data.invitation;
  const asFacilitator = invitation.role === "facilitator";

  return (
    <Page title={t("join.title", { group: invitation.groupName })} documentTitle={t("join.documentTitle")} className="page--medium">
      <p className="page__lead">
        {asFacilitator
          ? t("join.leadFacilitator", { name: invitation.invitedBy, kind: kindLabel(t, invitation.kind) })
          : t("join.lead", { name: invitation.invitedBy, kind: kindLabel(t, invitation.kind) })}
      </p>
      <section className="card" aria-labelledby="join-agreement-heading">
        <h2 id="join-agreement-heading">{t("agreement.title")}</h2>
        <p>{t("join.agreementLead")}</p>
        <blockquote className="agreement">{invitation.agreement}</blockquote>
        <p className="muted">{t("join.expires", { time: formatDateTime(invitation.expiresAt, locale) })}</p>

        {state.status === "signedIn" ? (
          <Form className="form" onSubmit={(event) => void onSubmit(event)}>
            <FormAlert problem={problem}>
              {problem && (
                <p>
                  <Link to="/">{t("groups.backHome")}</Link>
                </p>
              )}
            </FormAlert>
            <Checkbox
              className="checkbox"
              isSelected={accepted}
              onChange={(value) => {
                setAccepted(value);
                if (value) setShowCheckError(false);
              }}
              isInvalid={showCheckError}
              aria-describedby={showCheckError ? "join-check-error" : undefined}
            >
              <span className="checkbox__box" aria-hidden="true">
                {accepted ? "✓" : ""}
              </span>
              {t("join.acceptAgreement")}
            </Checkbox>
            {showCheckError && (
              <p id="join-check-error" className="field-error" role="alert">
                {t("join.acceptRequired")}
              </p>
            )}
            <p className="muted">{t("join.signedInAs", { name: state.user.displayName, email: state.user.email })}</p>
            <Button type="submit" className="button button--primary" isPending={pending}>
              {t("join.submit")}
            </Button>
          </Form>
        ) : state.status === "signedOut" ? (
          <div className="join-auth">
            <p>{t("join.needAccount")}</p>
            <div className="button-row">
              <Link
                to="/register"
                state={{ from: `/join/${token}` }}
                className="button button--primary"
                onClick={() => rememberPendingJoin(token)}
              >
                {t("join.register")}
              </Link>
              <Link to="/sign-in" state={{ from: `/join/${token}` }} className="button button--secondary" onClick={() => rememberPendingJoin(token)}>
                {t("join.signIn")}
              </Link>
            </div>
          </div>
        ) : (
          <p role="status">{t("common.loading")}</p>
        )}
      </section>
    </Page>
  );
}
