/** The Finnish strings of the first page, picked out of locales/fi.json at build time (vite.config.ts). */
declare module "virtual:piiri-first-page-strings" {
  const strings: Record<string, unknown>;
  export default strings;
}
