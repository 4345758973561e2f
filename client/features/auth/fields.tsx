import type { TFunction } from "i18next";
import { FieldError, Input, Label, Text, TextField, type TextFieldProps, type ValidationResult } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api";

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

/** Translated text for whatever the browser's constraint validation found, if `validate` did not. */
function describe(t: TFunction, validation: ValidationResult): string {
  if (validation.validationErrors.length > 0) return validation.validationErrors.join(" ");
  const details = validation.validationDetails;
  if (details.valueMissing) return t("validation.required");
  if (details.typeMismatch) return t("validation.email");
  if (details.tooShort) return t("validation.tooShort");
  if (details.tooLong) return t("validation.tooLong");
  return t("validation.invalidGeneric");
}

interface FieldProps extends Omit<TextFieldProps, "children" | "className"> {
  label: string;
  description?: string;
}

/** A labelled text field with its error message below it. */
export function Field({ label, description, ...props }: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text className="field__description" slot="description">
          {description}
        </Text>
      )}
      <Input className="field__input" />
      <FieldError className="field-error">{(validation) => describe(t, validation)}</FieldError>
    </TextField>
  );
}
