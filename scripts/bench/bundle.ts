/**
 * Section 6 of `npm run bench`: the JavaScript of the first page load, the quality bar's "initial
 * JavaScript ≤ 130 KB gzip; editor, charts and other heavy parts loaded lazily".
 *
 * The client is built with the project's own vite.config.ts into a temporary directory (no server is
 * needed; a few seconds). The initial JavaScript is what the built index.html makes the browser fetch
 * before anything runs: its entry script plus every `<link rel="modulepreload">`, each file gzipped
 * with node:zlib at level 9 and summed. As a route could dodge that figure by making its own page a
 * lazy chunk, the sign-in page (the first page a newcomer sees) is also measured with the chunks its
 * page module needs, and both must meet the target. The build writes hidden source maps (the
 * JavaScript is byte for byte what a plain `vite build` writes), from which each package's and
 * module's share is found: its minified bytes, and how much smaller the gzipped chunks are without it.
 * With `--bundle-dir DIR` an existing build (dist/, say) is read instead; then only the figures that
 * index.html gives are shown.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { ROOT } from "./child";
import { table } from "./stats";

/**
 * kB here are 1,000 bytes, as in Vite's own build report, so the figures can be compared with it
 * (the memory sections count KB of 1,024 bytes).
 */
export const BUNDLE_TARGETS = { initialKbGzip: 130 } as const;
const KB = 1000;

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
  /** An npm package, our own code by feature or file, or what the source maps do not cover. */
  name: string;
  /** Minified bytes of it in the first page's chunks (exact, from the source maps). */
  bytes: number;
  /** How many gzipped bytes the first page's chunks lose without it (leave-one-out). */
  gzipSavingBytes: number;
}

export interface BundleResult {
  builtWith: string;
  buildMs: number;
  chunks: BundleChunk[];
  initialBytes: number;
  initialGzipBytes: number;
  initialKbGzip: number;
  firstPage: { name: string; module: string; gzipBytes: number; kbGzip: number } | null;
  /** Only when this run built the client: what the first page's chunks are made of, largest first. */
  parts: BundlePart[] | null;
  /** Modules the source maps do not cover (JSON data, bundler helpers), named here. */
  unmappedModules: string[];
  lazyPackagesFound: string[];
  verdicts: { initial: boolean; firstPage: boolean; heavyPartsLazy: boolean };
}

interface ChunkInfo {
  fileName: string;
  imports: string[];
  moduleIds: string[];
}

/** A Vite plugin that keeps the shape of the output: chunks, their static imports and their modules. */
function collector(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: "piiri-bench-bundle",
    apply: "build",
    enforce: "post",
    // After writing, so the bundle is final (Vite drops chunks that only carried CSS before that).
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        into.set(output.fileName, { fileName: output.fileName, imports: [...output.imports], moduleIds: Object.keys(output.modules) });
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
function partName(file: string): string {
  const normalised = file.replaceAll("\\", "/");
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalised);
  if (inPackage) return inPackage[1]!;
  const relative = path.relative(ROOT, normalised).replaceAll("\\", "/");
  if (relative.startsWith("..") || path.isAbsolute(relative)) return `(${path.basename(normalised)})`;
  const segments = relative.split("/");
  // Our own code by feature or file: client/features/auth, client/lib/api.ts, shared/limits.ts.
  return segments[1] === "features" ? segments.slice(0, 3).join("/") : relative;
}

const UNMAPPED = "(not in the source maps)";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Which part each stretch of a minified chunk comes from, by its source map: runs of [start, end)
 * character offsets with the source's index, or -1 where no source is mapped.
 */
function sourceRuns(code: string, mappings: string): { start: number; end: number; source: number }[] {
  const digits = new Map([...BASE64].map((char, index) => [char, index] as const));
  const lines = code.split("\n");
  const runs: { start: number; end: number; source: number }[] = [];
  let lineStart = 0;
  let source = 0;
  const mappingLines = mappings.split(";");
  for (const [index, line] of lines.entries()) {
    const segments: { column: number; source: number }[] = [];
    let column = 0;
    for (const segment of (mappingLines[index] ?? "").split(",")) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.get(char) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) source += values[1]!;
      segments.push({ column, source: values.length >= 4 ? source : -1 });
    }
    let position = 0;
    for (const [i, segment] of segments.entries()) {
      if (segment.column > position) runs.push({ start: lineStart + position, end: lineStart + segment.column, source: -1 });
      const end = i + 1 < segments.length ? segments[i + 1]!.column : line.length;
      if (end > segment.column) runs.push({ start: lineStart + segment.column, end: lineStart + end, source: segment.source });
      position = Math.max(position, end);
    }
    // The rest of the line and its newline.
    runs.push({ start: lineStart + position, end: lineStart + line.length + 1, source: -1 });
    lineStart += line.length + 1;
  }
  return runs.filter((run) => run.end > run.start);
}

const gzipSize = (content: Buffer | string) => gzipSync(content, { level: GZIP_LEVEL }).length;
const kb = (bytes: number) => bytes / KB;
const kbText = (bytes: number) => `${kb(bytes).toFixed(1)} kB`;

/** Each part's minified bytes and gzip saving in one chunk, from the chunk and its source map. */
function chunkParts(code: string, map: { sources: string[]; sourceRoot?: string; mappings: string }, mapDir: string, gzipBytes: number): Map<string, BundlePart> {
  const names = map.sources.map((source) => partName(path.resolve(mapDir, map.sourceRoot ?? "", source)));
  const runs = sourceRuns(code, map.mappings).map((run) => ({ ...run, name: run.source >= 0 ? names[run.source]! : UNMAPPED }));
  const parts = new Map<string, BundlePart>();
  for (const run of runs) {
    const part = parts.get(run.name) ?? { name: run.name, bytes: 0, gzipSavingBytes: 0 };
    part.bytes += Buffer.byteLength(code.slice(run.start, run.end));
    parts.set(run.name, part);
  }
  for (const part of parts.values()) {
    const without = runs
      .filter((run) => run.name !== part.name)
      .map((run) => code.slice(run.start, run.end))
      .join("");
    part.gzipSavingBytes = gzipBytes - gzipSize(without);
  }
  return parts;
}

async function buildClient(outDir: string, chunks: Map<string, ChunkInfo>): Promise<void> {
  const { build } = await import("vite");
  await build({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true, sourcemap: "hidden", reportCompressedSize: false },
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
      const home = [...chunkInfo.values()].find((chunk) => chunk.moduleIds.some((id) => path.resolve(id) === pageFile));
      if (!home) throw new Error(`${FIRST_PAGE.module} is in no chunk of the build`);
      for (const file of staticClosure(home.fileName, chunkInfo)) await measure(file, "route");
      const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
      firstPage = { ...FIRST_PAGE, gzipBytes, kbGzip: kb(gzipBytes) };
    }

    // What the first page's chunks are made of, and whether a package meant to load later is among them.
    let parts: BundlePart[] | null = null;
    const unmappedModules = new Set<string>();
    if (built) {
      const byName = new Map<string, BundlePart>();
      for (const chunk of chunks) {
        const file = path.join(outDir, chunk.file);
        const code = await readFile(file, "utf8");
        // A chunk of nothing but bundler runtime comes without a map: all of it counts as not mapped.
        const map = (await readFile(`${file}.map`, "utf8").then(JSON.parse, () => ({ sources: [], mappings: "" }))) as {
          sources: string[];
          sourceRoot?: string;
          mappings: string;
        };
        const mapped = new Set(map.sources.map((source) => path.resolve(path.dirname(file), map.sourceRoot ?? "", source)));
        for (const id of chunkInfo.get(chunk.file)?.moduleIds ?? []) {
          // JSON data and the bundler's own helpers; a package's index that only re-exports has no code to map.
          const dataOrHelper = id.startsWith("\0") || /\.json($|\?)/.test(id);
          if (dataOrHelper && !mapped.has(path.resolve(id))) unmappedModules.add(id.startsWith("\0") ? id.slice(1) : partName(id));
        }
        for (const part of chunkParts(code, map, path.dirname(file), chunk.gzipBytes).values()) {
          const total = byName.get(part.name) ?? { name: part.name, bytes: 0, gzipSavingBytes: 0 };
          total.bytes += part.bytes;
          total.gzipSavingBytes += part.gzipSavingBytes;
          byName.set(part.name, total);
        }
      }
      parts = [...byName.values()].sort((a, b) => b.gzipSavingBytes - a.gzipSavingBytes);
    }
    const names = new Set(parts?.map((part) => part.name) ?? []);
    const lazyPackagesFound = [...names].filter((name) => LAZY_PACKAGES.some((lazy) => (lazy.endsWith("/") || lazy.endsWith("-") ? name.startsWith(lazy) : name === lazy)));

    const targetBytes = BUNDLE_TARGETS.initialKbGzip * KB;
    return {
      builtWith: built ? "vite build with vite.config.ts into a temporary directory" : `the existing build in ${outDir}`,
      buildMs,
      chunks,
      initialBytes,
      initialGzipBytes,
      initialKbGzip: kb(initialGzipBytes),
      firstPage,
      parts,
      unmappedModules: [...unmappedModules].sort(),
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
  lines.push(`6. First page load: JavaScript of the built client (${result.builtWith}, ${(result.buildMs / 1000).toFixed(1)} s; gzip -${GZIP_LEVEL}, kB = 1,000 bytes)`);
  const how = { entry: "entry script", preload: "modulepreload", route: `${result.firstPage?.name ?? "page"} page chunk` };
  const rows = result.chunks.map((chunk) => [chunk.file, how[chunk.how], kbText(chunk.bytes), kbText(chunk.gzipBytes)]);
  rows.push(["initial JavaScript (entry + modulepreloads)", "", kbText(result.initialBytes), kbText(result.initialGzipBytes)]);
  if (result.firstPage && result.chunks.some((chunk) => chunk.how === "route")) {
    rows.push([`${result.firstPage.name} page (initial + its own chunks)`, "", "", kbText(result.firstPage.gzipBytes)]);
  }
  lines.push(table(["chunk", "loaded as", "minified", "gzip"], rows));
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  lines.push(
    `   target ≤ ${target} kB gzip: initial ${verdict(result.verdicts.initial)} (${result.initialGzipBytes} bytes)` +
      (result.firstPage ? `   ${result.firstPage.name} page ${verdict(result.verdicts.firstPage)} (${result.firstPage.gzipBytes} bytes)` : ""),
  );
  if (result.parts) {
    lines.push(
      `   heavy parts loaded lazily: ${verdict(result.verdicts.heavyPartsLazy)}` +
        (result.lazyPackagesFound.length ? ` (in the first page: ${result.lazyPackagesFound.join(", ")})` : ` (none of ${LAZY_PACKAGES.join(" ")} in the first page)`),
    );
    lines.push(
      `\n   What the ${result.firstPage?.name ?? "first"} page's JavaScript is made of (largest ${Math.min(shownParts, result.parts.length)} of ${result.parts.length}; ` +
        `"gzip without it": how much smaller the gzipped chunks are when only that part is cut out):`,
    );
    const partRows = result.parts.slice(0, shownParts).map((part) => [part.name, kbText(part.bytes), kbText(part.gzipSavingBytes)]);
    lines.push(
      table(["package or module", "minified", "gzip without it"], partRows)
        .split("\n")
        .map((line) => `   ${line}`)
        .join("\n"),
    );
    if (result.unmappedModules.length) lines.push(`   ${UNMAPPED}: ${result.unmappedModules.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}
