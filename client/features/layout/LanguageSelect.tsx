import { useId, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { isLocale, LOCALES } from "../../../shared/locales";
import { useAuth } from "../../lib/auth";
import { changeLocale, currentLocale, errorMessage, LOCALE_NAMES } from "../../lib/i18n";

/**
 * The interface language: applied at once, remembered on this device and, when signed in, saved to
 * the profile so other devices follow. A native select: small, and every assistive technology knows it.
 */
export function LanguageSelect({ label, className }: { label?: string; className?: string }) {
  const { t } = useTranslation();
  const { state, updateProfile } = useAuth();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const locale = event.target.value;
    if (!isLocale(locale)) return;
    setProblem(null);
    await changeLocale(locale);
    if (state.status === "signedIn" && state.user.locale !== locale) {
      try {
        await updateProfile({ locale });
      } catch (error) {
        setProblem(errorMessage(t, error));
      }
    }
  }

  return (
    <div className={className ? `language-select ${className}` : "language-select"}>
      <label htmlFor={id}>{label ?? t("layout.language")}</label>
      <select id={id} value={currentLocale()} onChange={(event) => void onChange(event)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
