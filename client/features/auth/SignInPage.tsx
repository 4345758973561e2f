import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { PASSWORD } from "../../../shared/limits";
import { useAuth } from "../../lib/auth";
import { FormAlert } from "../../lib/forms";
import { Page } from "../layout/Page";
import { AccountEmailField, useAccountFormSubmission } from "./fields";
import { AccountField, AccountForm, SubmitButton } from "./form";
import { validateRequired } from "./validation";

/** Where a sign-in guard sent the user from, so they return there afterwards. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { pending, problem, fieldErrors, submit } = useAccountFormSubmission(["email", "password"]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await submit(async () => {
      await signIn({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
      await navigate(returnPath(location.state), { replace: true });
    });
  }

  return (
    <Page title={t("signIn.title")} className="page--narrow">
      {state.status === "signedOut" && state.reason === "sessionEnded" && (
        <p className="banner banner--info" role="status">
          {t("signIn.sessionEnded")}
        </p>
      )}
      <div className="card">
        <AccountForm onSubmit={(event) => void onSubmit(event)} fieldErrors={fieldErrors}>
          <FormAlert problem={problem} />
          <AccountEmailField />
          <AccountField
            name="password"
            type="password"
            label={t("fields.password")}
            autoComplete="current-password"
            isRequired
            maxLength={PASSWORD.maxLength}
            validate={(value) => validateRequired(t, value)}
          />
          <SubmitButton pending={pending}>
            {pending ? t("signIn.submitting") : t("signIn.submit")}
          </SubmitButton>
        </AccountForm>
      </div>
      <p className="page__aside">
        {t("signIn.noAccount")} <Link to="/register">{t("signIn.registerLink")}</Link>
      </p>
    </Page>
  );
}
