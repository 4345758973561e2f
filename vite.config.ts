import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
  plugins: [react(), firstPage.plugin],
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
