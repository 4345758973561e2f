import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DISPLAY_NAME, PASSWORD } from "../../../shared/limits";
import { useAuth } from "../../lib/auth";
import { currentLocale } from "../../lib/i18n";
import { FormAlert } from "../../lib/forms";
import { Page } from "../layout/Page";
import { AccountEmailField, useAccountFormSubmission } from "./fields";
import { AccountField, AccountForm, SubmitButton } from "./form";
import { validateNewPassword, validateRequired } from "./validation";

export function RegisterPage() {
  const { t } = useTranslation();
  const { register } = useAuth();
  const navigate = useNavigate();
  const { pending, problem, fieldErrors, submit } = useAccountFormSubmission(["displayName", "email", "password"]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await submit(async () => {
      await register({
        displayName: String(data.get("displayName") ?? ""),
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        locale: currentLocale(),
      });
      await navigate("/", { replace: true });
    });
  }

  return (
    <Page title={t("register.title")} className="page--narrow">
      <p className="page__lead">{t("register.lead")}</p>
      <div className="card">
        <AccountForm onSubmit={(event) => void onSubmit(event)} fieldErrors={fieldErrors}>
          <FormAlert problem={problem} />
          <AccountField
            name="displayName"
            label={t("fields.displayName")}
            description={t("register.displayNameHint")}
            autoComplete="name"
            isRequired
            minLength={DISPLAY_NAME.minLength}
            maxLength={DISPLAY_NAME.maxLength}
            validate={(value) => validateRequired(t, value)}
          />
          <AccountEmailField />
          <AccountField
            name="password"
            type="password"
            label={t("fields.newPassword")}
            description={t("register.passwordHint", { min: PASSWORD.minLength })}
            autoComplete="new-password"
            isRequired
            minLength={PASSWORD.minLength}
            maxLength={PASSWORD.maxLength}
            validate={(value) => validateNewPassword(t, value)}
          />
          <SubmitButton pending={pending}>
            {pending ? t("register.submitting") : t("register.submit")}
          </SubmitButton>
        </AccountForm>
      </div>
      <p className="page__aside">
        {t("register.haveAccount")} <Link to="/sign-in">{t("register.signInLink")}</Link>
      </p>
    </Page>
  );
}
