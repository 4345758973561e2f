import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The Finnish strings the first page needs (the shell, sign-in and registration, and every error), by
 * top-level section or dotted key. Finnish ships with the first page, but only these: the rest, about
 * nine tenths of it, loads with the first signed-in page (see `withAllStrings` in client/lib/i18n.ts).
 */
const FIRST_PAGE_STRINGS = ["common", "errors", "fields", "layout", "nav", "notFound", "register", "signIn", "validation", "methods.nav"];

/** Serves `virtual:piiri-first-page-strings`: those strings picked out of client/locales/fi.json. */
export function firstPageStrings(): Plugin {
  const id = "virtual:piiri-first-page-strings";
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "client/locales/fi.json");
  return {
    name: "piiri-first-page-strings",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      const picked: Record<string, unknown> = {};
      for (const entry of FIRST_PAGE_STRINGS) {
        const [section, ...rest] = entry.split(".");
        let from: unknown = all[section!];
        let into = picked;
        if (rest.length === 0) {
          picked[section!] = from;
          continue;
        }
        into = (picked[section!] ??= {}) as Record<string, unknown>;
        for (const [index, key] of rest.entries()) {
          from = (from as Record<string, unknown>)[key];
          if (index === rest.length - 1) into[key] = from;
          else into = (into[key] ??= {}) as Record<string, unknown>;
        }
      }
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}

/**
 * Our own modules that the entry imports statically run on every first page load anyway, so they go
 * into one chunk with the entry, instead of the several small chunks Rolldown's automatic splitting
 * cuts them into where lazy pages share them (one gzip stream compresses better than five: 1.6 KB less
 * for the sign-in page, and fewer requests). Packages are left out: the walk follows every re-export of
 * a package's index and would drag in code only lazy pages use; left to automatic splitting, the
 * package code the first page uses joins the entry chunk by itself. `npm run bench -- --only bundle`
 * measures the result.
 */
function firstPageChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  const firstPage = new Set<string>();
  const plugin: Plugin = {
    name: "piiri-first-page-chunk",
    apply: "build",
    buildEnd() {
      firstPage.clear();
      const visit = (id: string) => {
        if (firstPage.has(id)) return;
        const info = this.getModuleInfo(id);
        if (!info) return;
        firstPage.add(id);
        for (const imported of info.importedIds) visit(imported);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
    },
  };
  return { plugin, test: (id) => firstPage.has(id) && !id.includes("/node_modules/") };
}

const firstPage = firstPageChunk();

// The client lives in client/; index.html at the repo root is the entry. The server serves dist/ in
// production and tests; in development Vite proxies the API, Socket.IO and the notes socket to the server on :3000.
export default defineConfig({
  root: ".",
  plugins: [react(), firstPage.plugin, firstPageStrings()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "app", test: firstPage.test }] } },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
      "/socket.io": { target: "http://localhost:3000", ws: true },
      "/yjs": { target: "http://localhost:3000", ws: true },
    },
  },
});
