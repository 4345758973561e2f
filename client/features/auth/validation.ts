import type { TFunction } from "i18next";
import { PASSWORD } from "../../../shared/limits";

// Close to the browser's check for type="email", but wants a dot in the domain as the server does.
const EMAIL_PATTERN = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function validateRequired(t: TFunction, value: string): string | null {
  return value.trim() === "" ? t("validation.required") : null;
}

export function validateEmail(t: TFunction, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return t("validation.required");
  return EMAIL_PATTERN.test(trimmed) ? null : t("validation.email");
}

export function validateNewPassword(t: TFunction, value: string): string | null {
  if (value === "") return t("validation.required");
  if (value.length < PASSWORD.minLength) return t("validation.passwordTooShort", { min: PASSWORD.minLength });
  return null;
}
