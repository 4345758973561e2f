import i18next, { type ResourceLanguage, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../../shared/locales";
import firstPageFinnish from "virtual:piiri-first-page-strings";
import { ApiError } from "./api";

const STORAGE_KEY = "piiri-locale";

/** Each language's name in that language, as a language switcher should show it. */
export const LOCALE_NAMES: Record<Locale, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

// Finnish ships with the page; Swedish and English are their own small chunks, fetched when chosen.
const otherLocales: Record<Exclude<Locale, "fi">, () => Promise<{ default: ResourceLanguage }>> = {
  sv: () => import("../locales/sv.json"),
  en: () => import("../locales/en.json"),
};

async function loadLocale(locale: Locale): Promise<void> {
  if (locale === "fi" || i18next.hasResourceBundle(locale, "translation")) return;
  const { default: resources } = await otherLocales[locale]();
  i18next.addResourceBundle(locale, "translation", resources);
}

void i18next.use(initReactI18next).init({
  resources: { fi: { translation: firstPageFinnish } },
  partialBundledLanguages: true,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function applyDocumentLanguage(locale: string): void {
  document.documentElement.lang = locale;
}
i18next.on("languageChanged", applyDocumentLanguage);

/** Resolves when the language remembered on this device is ready; render after it to avoid a flash. */
export const i18nReady: Promise<void> = (async () => {
  const locale = storedLocale();
  try {
    await loadLocale(locale);
    await i18next.changeLanguage(locale);
  } catch {
    // The chunk failed to load: carry on in Finnish.
  }
  applyDocumentLanguage(currentLocale());
})();

let allFinnish: Promise<void> | null = null;

/**
 * The first page carries only its own Finnish strings; the rest of Finnish (about nine tenths of it) is
 * fetched once, before the first page that needs it renders. Other languages load whole when chosen.
 */
export function loadAllStrings(): Promise<void> {
  allFinnish ??= import("../locales/fi.json").then(
    ({ default: fi }) => {
      i18next.addResourceBundle("fi", "translation", fi, true, true);
    },
    (error: unknown) => {
      // A failed fetch (a dropped connection) is tried again by the next page that needs the strings.
      allFinnish = null;
      throw error;
    },
  );
  return allFinnish;
}

/** A lazy page or part that shows feature texts: it renders once those texts are there too. */
export function withAllStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadAllStrings()]).then(([module]) => module);
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage full: the choice still applies to this visit.
  }
  await loadLocale(locale);
  if (currentLocale() !== locale) await i18next.changeLanguage(locale);
}

/** A translated message for any failure; server codes map to `errors.<code>`. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`);
  return t("errors.internal_error");
}

export { i18next };
