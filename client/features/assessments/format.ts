import type { Locale } from "../../../shared/locales";

const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** A score such as 3.7 the way the language writes it (3,7 in Finnish and Swedish). */
export function formatScore(value: number, locale: Locale): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A change with its sign, "+0,8" or "−0,3" (a real minus sign, which screen readers read as minus). */
export function formatChange(value: number, locale: Locale): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
}

/** Saves a downloaded file under `name`, for exports the server answers only with the access token. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click handler returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
