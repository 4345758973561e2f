import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The client lives in client/; index.html at the repo root is the entry. The server serves dist/ in
// production and tests; in development Vite proxies the API, Socket.IO and the notes socket to the server on :3000.
export default defineConfig({
  root: ".",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
      "/socket.io": { target: "http://localhost:3000", ws: true },
      "/yjs": { target: "http://localhost:3000", ws: true },
    },
  },
});
