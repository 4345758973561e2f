/**
 * Section 6 of `npm run bench`: the JavaScript of the first page load, the quality bar's "initial
 * JavaScript ≤ 130 KB gzip; editor, charts and other heavy parts loaded lazily".
 *
 * The client is built with the project's own vite.config.ts into a temporary directory (no server is
 * needed; about 5–10 s). The initial JavaScript is what the built index.html makes the browser fetch
 * before anything runs: its entry script plus every `<link rel="modulepreload">`, each file gzipped
 * with node:zlib at level 9 and summed. As a route could dodge that figure by making its own page a
 * lazy chunk, the sign-in page (the first page a newcomer sees) is also measured with the chunks its
 * page module needs, and both must meet the target. With `--bundle-dir DIR` an existing build (dist/,
 * say) is read instead; then only the figures that index.html gives are shown.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { ROOT } from "./child";
import { table } from "./stats";

/** KB here are 1,024 bytes, as elsewhere in the bench. */
export const BUNDLE_TARGETS = { initialKbGzip: 130 } as const;

/** The first page a newcomer loads (`/` sends a signed-out visitor there), by its page module. */
const FIRST_PAGE = { name: "sign-in", module: "client/features/auth/SignInPage.tsx" } as const;

/**
 * Packages that must load later, not with the first page: the notes editor and Yjs, the charts, the
 * realtime connection (signed-in users only) and zod (loaded with the first API answer).
 */
const LAZY_PACKAGES = [
  "@tiptap/",
  "prosemirror-",
  "yjs",
  "y-prosemirror",
  "y-protocols",
  "y-websocket",
  "y-indexeddb",
  "lib0",
  "recharts",
  "d3-",
  "socket.io-client",
  "engine.io-client",
  "zod",
];

const GZIP_LEVEL = 9;

export interface BundleChunk {
  file: string;
  /** entry: the `<script type="module">`; preload: a `modulepreload` link; route: loaded by the first page's module. */
  how: "entry" | "preload" | "route";
  bytes: number;
  gzipBytes: number;
}

export interface BundlePart {
  /** An npm package, or a path in the repository for our own code. */
  name: string;
  /** Bytes of the module's code as rendered into the chunk (before minification). */
  renderedBytes: number;
  /** The chunk's real gzip size shared out over its modules by their own gzip sizes: an estimate. */
  approxGzipBytes: number;
}

export interface BundleResult {
  builtWith: string;
  outDir: string;
  buildMs: number;
  chunks: BundleChunk[];
  initialBytes: number;
  initialGzipBytes: number;
  initialKbGzip: number;
  firstPage: { name: string; module: string; gzipBytes: number; kbGzip: number } | null;
  /** Only when this run built the client: what the first page's chunks are made of, largest first. */
  parts: BundlePart[] | null;
  lazyPackagesFound: string[];
  verdicts: { initial: boolean; firstPage: boolean; heavyPartsLazy: boolean };
}

interface ChunkInfo {
  fileName: string;
  imports: string[];
  modules: { id: string; renderedLength: number; code: string }[];
}

/** A Vite plugin that keeps the shape of the output: chunks, their static imports and modules. */
function collector(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: "piiri-bench-bundle",
    apply: "build",
    enforce: "post",
    // After writing, so the bundle is final (Vite drops chunks that only carried CSS before that).
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        into.set(output.fileName, {
          fileName: output.fileName,
          imports: [...output.imports],
          modules: Object.entries(output.modules).map(([id, module]) => ({
            id,
            renderedLength: module.renderedLength,
            code: (module as { code?: string | null }).code ?? "",
          })),
        });
      }
    },
  };
}

/** `src` of module scripts and `href` of modulepreload links, in document order. */
export function initialScripts(html: string): { url: string; how: "entry" | "preload" }[] {
  const found: { url: string; how: "entry" | "preload" }[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
    if (/^<script/i.test(tag) && attribute("type") === "module" && attribute("src")) found.push({ url: attribute("src")!, how: "entry" });
    else if (/^<link/i.test(tag) && attribute("rel") === "modulepreload" && attribute("href")) found.push({ url: attribute("href")!, how: "preload" });
  }
  return found;
}

/** The package a module belongs to, or its place in the repository. */
function partName(id: string): string {
  const normalised = id.replaceAll("\\", "/");
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalised);
  if (inPackage) return inPackage[1]!;
  if (!path.isAbsolute(normalised)) return `(${normalised.replace(/^\0/, "").replace(/\?.*$/, "")})`; // virtual: vite's runtime helpers
  const relative = path.relative(ROOT, normalised).replaceAll("\\", "/");
  const segments = relative.split("/");
  // Our own code by feature or file: client/features/auth, client/lib/api.ts, shared/limits.ts.
  return segments[1] === "features" ? segments.slice(0, 3).join("/") : relative;
}

const gzipSize = (content: Buffer | string) => gzipSync(content, { level: GZIP_LEVEL }).length;
const kb = (bytes: number) => bytes / 1024;
const kbText = (bytes: number) => `${kb(bytes).toFixed(1)} KB`;

async function buildClient(outDir: string, chunks: Map<string, ChunkInfo>): Promise<void> {
  const { build } = await import("vite");
  await build({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    plugins: [collector(chunks)],
  });
}

/** All chunks `file` needs before it can run: itself and its static imports, transitively. */
function staticClosure(file: string, chunks: Map<string, ChunkInfo>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit(file);
  return seen;
}

export async function runBundleBench(options: { dir?: string } = {}): Promise<BundleResult> {
  const started = performance.now();
  const built = options.dir === undefined;
  const outDir = options.dir ? path.resolve(options.dir) : await mkdtemp(path.join(os.tmpdir(), "piiri-bench-bundle-"));
  const chunkInfo = new Map<string, ChunkInfo>();
  try {
    if (built) await buildClient(outDir, chunkInfo);
    const buildMs = performance.now() - started;
    const html = await readFile(path.join(outDir, "index.html"), "utf8");
    const fileOf = (url: string) => decodeURIComponent(new URL(url, "http://piiri.invalid/").pathname).replace(/^\//, "");

    const chunks: BundleChunk[] = [];
    const measure = async (file: string, how: BundleChunk["how"]) => {
      if (chunks.some((chunk) => chunk.file === file)) return;
      const content = await readFile(path.join(outDir, file));
      chunks.push({ file, how, bytes: content.length, gzipBytes: gzipSize(content) });
    };
    for (const { url, how } of initialScripts(html)) await measure(fileOf(url), how);
    if (!chunks.some((chunk) => chunk.how === "entry")) throw new Error(`no module script in ${path.join(outDir, "index.html")}`);
    const initial = chunks.filter((chunk) => chunk.how !== "route");
    const initialBytes = initial.reduce((sum, chunk) => sum + chunk.bytes, 0);
    const initialGzipBytes = initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);

    // The first page's own chunks: none when its module is in the initial chunks already.
    let firstPage: BundleResult["firstPage"] = null;
    if (built) {
      const pageFile = path.join(ROOT, FIRST_PAGE.module);
      const home = [...chunkInfo.values()].find((chunk) => chunk.modules.some((module) => path.resolve(module.id) === pageFile));
      if (!home) throw new Error(`${FIRST_PAGE.module} is in no chunk of the build`);
      for (const file of staticClosure(home.fileName, chunkInfo)) await measure(file, "route");
      const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
      firstPage = { ...FIRST_PAGE, gzipBytes, kbGzip: kb(gzipBytes) };
    }

    // What the first page's chunks are made of, and whether a package meant to load later is among them.
    let parts: BundlePart[] | null = null;
    const names = new Set<string>();
    if (built) {
      const byName = new Map<string, BundlePart>();
      for (const chunk of chunks) {
        const modules = chunkInfo.get(chunk.file)?.modules ?? [];
        const sizes = modules.map((module) => ({ name: partName(module.id), rendered: module.renderedLength, gzip: module.code ? gzipSize(module.code) : 0 }));
        const gzipTotal = sizes.reduce((sum, size) => sum + size.gzip, 0);
        for (const size of sizes) {
          if (size.rendered === 0) continue;
          names.add(size.name);
          const part = byName.get(size.name) ?? { name: size.name, renderedBytes: 0, approxGzipBytes: 0 };
          part.renderedBytes += size.rendered;
          part.approxGzipBytes += gzipTotal > 0 ? (chunk.gzipBytes * size.gzip) / gzipTotal : 0;
          byName.set(size.name, part);
        }
      }
      parts = [...byName.values()].sort((a, b) => b.approxGzipBytes - a.approxGzipBytes);
    }
    const lazyPackagesFound = [...names].filter((name) => LAZY_PACKAGES.some((lazy) => (lazy.endsWith("/") || lazy.endsWith("-") ? name.startsWith(lazy) : name === lazy)));

    const targetBytes = BUNDLE_TARGETS.initialKbGzip * 1024;
    return {
      builtWith: built ? "vite build (vite.config.ts) into a temporary directory" : `existing build in ${outDir}`,
      outDir: built ? "(temporary, removed)" : outDir,
      buildMs,
      chunks,
      initialBytes,
      initialGzipBytes,
      initialKbGzip: kb(initialGzipBytes),
      firstPage,
      parts,
      lazyPackagesFound,
      verdicts: {
        initial: initialGzipBytes <= targetBytes,
        firstPage: firstPage === null || firstPage.gzipBytes <= targetBytes,
        heavyPartsLazy: lazyPackagesFound.length === 0,
      },
    };
  } finally {
    if (built) await rm(outDir, { recursive: true, force: true });
  }
}

/** The printed report of section 6. */
export function bundleReport(result: BundleResult, shownParts = 25): string {
  const target = BUNDLE_TARGETS.initialKbGzip;
  const lines: string[] = [];
  lines.push(`6. First page load: JavaScript of the built client (${result.builtWith}, ${(result.buildMs / 1000).toFixed(1)} s; gzip level ${GZIP_LEVEL}, KB = 1,024 bytes)`);
  const how = { entry: "entry script", preload: "modulepreload", route: `${result.firstPage?.name ?? "page"} page chunk` };
  const rows = result.chunks.map((chunk) => [chunk.file, how[chunk.how], kbText(chunk.bytes), kbText(chunk.gzipBytes)]);
  rows.push(["initial JavaScript (entry + modulepreloads)", "", kbText(result.initialBytes), kbText(result.initialGzipBytes)]);
  if (result.firstPage && result.chunks.some((chunk) => chunk.how === "route")) {
    rows.push([`${result.firstPage.name} page (initial + its own chunks)`, "", "", kbText(result.firstPage.gzipBytes)]);
  }
  lines.push(table(["chunk", "loaded as", "raw", "gzip"], rows));
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  lines.push(
    `   target ≤ ${target} KB gzip: initial ${verdict(result.verdicts.initial)} (${kbText(result.initialGzipBytes)})` +
      (result.firstPage ? `   ${result.firstPage.name} page ${verdict(result.verdicts.firstPage)} (${kbText(result.firstPage.gzipBytes)})` : ""),
  );
  if (result.parts) {
    lines.push(
      `   heavy parts loaded lazily: ${verdict(result.verdicts.heavyPartsLazy)}` +
        (result.lazyPackagesFound.length ? ` (in the first page: ${result.lazyPackagesFound.join(", ")})` : ` (none of ${LAZY_PACKAGES.join(" ")} in the first page)`),
    );
    lines.push(`\n   What the ${result.firstPage?.name ?? "first"} page's JavaScript is made of (largest ${Math.min(shownParts, result.parts.length)} of ${result.parts.length}; gzip shared out per chunk, an estimate):`);
    const partRows = result.parts.slice(0, shownParts).map((part) => [part.name, kbText(part.renderedBytes), kbText(part.approxGzipBytes)]);
    lines.push(
      table(["package or module", "source in chunk", "≈ gzip"], partRows)
        .split("\n")
        .map((line) => `   ${line}`)
        .join("\n"),
    );
  }
  return lines.join("\n") + "\n";
}
