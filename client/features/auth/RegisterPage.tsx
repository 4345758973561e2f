import { useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DISPLAY_NAME, EMAIL, PASSWORD } from "../../../shared/limits";
import { useAuth } from "../../lib/auth";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { Page } from "../layout/Page";
import { Field, fieldErrorsFromApi } from "./fields";
import { validateEmail, validateNewPassword, validateRequired } from "./validation";

export function RegisterPage() {
  const { t } = useTranslation();
  const { register } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    setFieldErrors({});
    try {
      await register({
        displayName: String(data.get("displayName") ?? ""),
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        locale: currentLocale(),
      });
      await navigate("/", { replace: true });
    } catch (error) {
      setProblem(errorMessage(t, error));
      setFieldErrors(fieldErrorsFromApi(t, error, ["displayName", "email", "password"]));
      setPending(false);
    }
  }

  return (
    <Page title={t("register.title")} className="page--narrow">
      <p className="page__lead">{t("register.lead")}</p>
      <div className="card">
        <Form className="form" onSubmit={(event) => void onSubmit(event)} validationErrors={fieldErrors}>
          <div role="alert" className="form-alert">
            {problem && <p>{problem}</p>}
          </div>
          <Field
            name="displayName"
            label={t("fields.displayName")}
            description={t("register.displayNameHint")}
            autoComplete="name"
            isRequired
            minLength={DISPLAY_NAME.minLength}
            maxLength={DISPLAY_NAME.maxLength}
            validate={(value) => validateRequired(t, value)}
          />
          <Field
            name="email"
            type="email"
            label={t("fields.email")}
            autoComplete="email"
            inputMode="email"
            isRequired
            maxLength={EMAIL.maxLength}
            validate={(value) => validateEmail(t, value)}
          />
          <Field
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
          <Button type="submit" className="button button--primary" isPending={pending}>
            {pending ? t("register.submitting") : t("register.submit")}
          </Button>
        </Form>
      </div>
      <p className="page__aside">
        {t("register.haveAccount")} <Link to="/sign-in">{t("register.signInLink")}</Link>
      </p>
    </Page>
  );
}
