import { useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { EMAIL, PASSWORD } from "../../../shared/limits";
import { useAuth } from "../../lib/auth";
import { errorMessage } from "../../lib/i18n";
import { Page } from "../layout/Page";
import { Field, fieldErrorsFromApi } from "./fields";
import { validateEmail, validateRequired } from "./validation";

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
      await signIn({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
      await navigate(returnPath(location.state), { replace: true });
    } catch (error) {
      setProblem(errorMessage(t, error));
      setFieldErrors(fieldErrorsFromApi(t, error, ["email", "password"]));
      setPending(false);
    }
  }

  return (
    <Page title={t("signIn.title")} className="page--narrow">
      {state.status === "signedOut" && state.reason === "sessionEnded" && (
        <p className="banner banner--info" role="status">
          {t("signIn.sessionEnded")}
        </p>
      )}
      <div className="card">
        <Form className="form" onSubmit={(event) => void onSubmit(event)} validationErrors={fieldErrors}>
          <div role="alert" className="form-alert">
            {problem && <p>{problem}</p>}
          </div>
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
            label={t("fields.password")}
            autoComplete="current-password"
            isRequired
            maxLength={PASSWORD.maxLength}
            validate={(value) => validateRequired(t, value)}
          />
          <Button type="submit" className="button button--primary" isPending={pending}>
            {pending ? t("signIn.submitting") : t("signIn.submit")}
          </Button>
        </Form>
      </div>
      <p className="page__aside">
        {t("signIn.noAccount")} <Link to="/register">{t("signIn.registerLink")}</Link>
      </p>
    </Page>
  );
}
