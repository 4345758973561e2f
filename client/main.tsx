import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { $ZodConfig } from "zod/v4/core";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { ApiError } from "./lib/api";
import { AuthProvider } from "./lib/auth";
import { i18nReady } from "./lib/i18n";
import "./styles.css";

// zod probes for eval support with `new Function`; the page's CSP forbids eval, so skip the probe
// (and the console noise of a refused eval) and validate without it. zod itself is not part of the
// first page load (it comes with the first API answer); it takes its settings from this global, the
// object `z.config` writes to, whether it loads before or after this line.
const zodConfig: $ZodConfig = ((globalThis as { __zod_globalConfig?: $ZodConfig }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only a network failure or a server fault may pass; api.ts already refreshed an expired token.
      retry: (failureCount, error) =>
        failureCount < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

const reactRoot = createRoot(root);
void i18nReady.then(() =>
  reactRoot.render(
    <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
    </StrictMode>,
  ),
);
