import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EMAIL } from "../../../shared/limits";
import { ApiError } from "../../lib/api";
import { useSubmission } from "../../lib/forms";
import { AccountField } from "./form";
import { validateEmail } from "./validation";

/** Field-level problems from a `validation_failed` answer, keyed by form field name (`body.email` → `email`). */
export function fieldErrorsFromApi(t: TFunction, error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  if (error.code === "email_taken" && fields.includes("email")) result["email"] = t("errors.email_taken");
  for (const detail of error.details) {
    const field = detail.path.replace(/^body\./, "");
    if (fields.includes(field)) result[field] = t(`validation.invalid.${field}`, { defaultValue: detail.message });
  }
  return result;
}

/**
 * `useSubmission` for an account form whose server answer may name the fields at fault: the general
 * problem goes above the form and each of `fields` gets its own message in `fieldErrors`.
 */
export function useAccountFormSubmission(fields: readonly string[]) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function submit(action: () => Promise<unknown>): Promise<boolean> {
    setFieldErrors({});
    return submission.submit(async () => {
      try {
        await action();
      } catch (error) {
        setFieldErrors(fieldErrorsFromApi(t, error, fields));
        throw error;
      }
    });
  }

  return { pending: submission.pending, problem: submission.problem, fieldErrors, submit };
}

/** The address one signs in with, marked up so password managers fill it. */
export function AccountEmailField() {
  const { t } = useTranslation();
  return (
    <AccountField
      name="email"
      type="email"
      label={t("fields.email")}
      autoComplete="email"
      inputMode="email"
      isRequired
      maxLength={EMAIL.maxLength}
      validate={(value) => validateEmail(t, value)}
    />
  );
}
