/** Finnish first; Swedish as Finland's second official language; English for everyone else. */
export const LOCALES = ["fi", "sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fi";
export const DEFAULT_TIME_ZONE = "Europe/Helsinki";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
