import { DEFAULT_TIME_ZONE, type Locale } from "../../shared/locales";

/** BCP 47 tags for formatting: Finland's conventions for Finnish and Swedish, British for English. */
const FORMAT_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO timestamp for the interface language in Finland's time zone (or the given one). */
export function formatDateTime(
  iso: string,
  locale: Locale,
  options: { dateStyle?: "full" | "long" | "medium" | "short"; timeStyle?: "full" | "long" | "medium" | "short"; timeZone?: string } = {},
): string {
  const { dateStyle = "medium", timeStyle = "short", timeZone = DEFAULT_TIME_ZONE } = options;
  const key = `${locale}|${dateStyle}|${timeStyle}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { timeZone, dateStyle, timeStyle });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
