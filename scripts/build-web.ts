/**
 * @module `npm run build`: bundles the web component (web/) and lays out the static assets the Worker
 * serves in dist/public: the first-load module `math-session.js`, the demo page, `_headers`, and under
 * `lazy/` what is loaded only when first needed — the math renderer (KaTeX), its fonts, and the parser
 * that typesets mathjs expressions — each asked for with its content's hash (`lazy/typesetter.js?v=…`)
 * and served as immutable.
 *
 * The lazy modules are built on their own, before the first-load module, which learns their URLs from
 * the build (`__MATH_LAZY__`); so they share no chunk with it and the first load stays one module. Their
 * file names never change (a running `wrangler dev` serves only the files it found when it started, new
 * contents of those included): the hash in the query is what a new version changes.
 *
 * `wrangler dev` and `wrangler deploy` run this first ([build] in wrangler.toml). The test suite starts
 * several `wrangler dev` at once, so several builds may run side by side: every file is written whole to
 * a temporary directory beside dist/public and then renamed into place, so no server ever reads half a
 * file; a file that would not change is left alone.
 */
import { build } from "esbuild";
import type { BuildOptions, Plugin } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, watch as watchFiles, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { contentHash, katexAssets } from "./katex-assets.ts";

const ROOT = resolve(import.meta.dirname, "..");
export const PUBLIC_DIR = join(ROOT, "dist/public");

/**
 * The first-load module's budget (what every page that embeds the component downloads before anything
 * shows). The MCP SDK v2 client and zod are most of it; the math renderer must never be.
 */
export const FIRST_LOAD_BUDGET = { raw: 490 * 1024, gzip: 136 * 1024 };

/**
 * zod re-exports every language's error messages (a quarter of a megabyte); nothing here reads them, and
 * zod itself uses only English.
 */
const englishOnly: Plugin = {
  name: "english-only",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes("/node_modules/zod/") ? { path: join(args.resolveDir, "../locales/en.js"), namespace: "english-only" } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: "english-only" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: "js",
      resolveDir: ROOT,
    }));
  },
};

const COMMON = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  write: false,
  logLevel: "warning",
} satisfies BuildOptions;

async function one(entry: string, options: BuildOptions = {}): Promise<string> {
  return (await build({ ...COMMON, ...options, entryPoints: [join(ROOT, entry)] })).outputFiles![0]!.text;
}

/** Every file of dist/public, by its path there. */
export type WebFiles = Record<string, string | Uint8Array>;

/**
 * CORS for the modules and fonts, so any page can load them (fonts and module scripts from another
 * origin need it). Browsers revalidate the first-load module (a 304 by its ETag) so a new version reaches
 * every page at once; what it loads later is asked for by its content's hash, and kept for good.
 */
const HEADERS = `/math-session.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=0, must-revalidate
/lazy/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
`;

/** The component and everything it loads, as the Worker serves them. */
export async function bundle(): Promise<WebFiles> {
  const katex = katexAssets();
  const files: WebFiles = { ...katex.files };
  const lazy = async (name: string, entry: string, options: BuildOptions = {}) => {
    const text = await one(entry, options);
    files[`lazy/${name}.js`] = text;
    return `lazy/${name}.js?v=${contentHash(text)}`;
  };
  const [typesetter, parser] = await Promise.all([
    lazy("typesetter", "web/lazy/typesetter.ts", { define: { __KATEX_CSS__: JSON.stringify(katex.css), __KATEX_FONTS__: JSON.stringify(katex.fonts) } }),
    lazy("expression-tex", "web/lazy/expression-tex.ts"),
  ]);
  files["math-session.js"] = await one("web/index.ts", { plugins: [englishOnly], define: { __MATH_LAZY__: JSON.stringify({ typesetter, parser }) } });
  files["index.html"] = readFileSync(join(ROOT, "web/index.html"), "utf8");
  files["_headers"] = HEADERS;
  return files;
}

/** Sizes in bytes, raw and gzipped (level 9, as a CDN would), of each JavaScript file and of the fonts. */
export function sizes(files: WebFiles): { file: string; raw: number; gzip: number }[] {
  return Object.entries(files)
    .filter(([path]) => /\.(js|woff2)$/.test(path))
    .map(([file, content]) => ({ file, raw: Buffer.byteLength(content), gzip: gzipSync(content, { level: 9 }).length }));
}

const same = (path: string, content: string | Uint8Array) => existsSync(path) && Buffer.from(readFileSync(path)).equals(Buffer.from(content));

/** Writes each file whole (a rename), and only when it changed; drops lazy files no build makes any more. */
function publish(files: WebFiles, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, "..", ".build-"));
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(outDir, name);
      if (same(target, content)) continue;
      mkdirSync(dirname(target), { recursive: true });
      const staged = join(staging, name.replaceAll("/", "_"));
      writeFileSync(staged, content);
      renameSync(staged, target);
    }
    const lazyDir = join(outDir, "lazy");
    for (const entry of readdirSync(lazyDir, { recursive: true, withFileTypes: true })) {
      const path = relative(outDir, join(entry.parentPath, entry.name));
      if (entry.isFile() && !(path in files)) rmSync(join(outDir, path), { force: true });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function buildWeb(outDir = PUBLIC_DIR): Promise<WebFiles> {
  const files = await bundle();
  publish(files, outDir);
  return files;
}

/**
 * `npm run build -- --watch`: rebuilds on every change to the component. A running `wrangler dev` serves
 * the new files at once, without a restart (wrangler.toml does not watch web/: a restart would drop
 * every socket of every `wrangler dev` on this config, tests and benchmarks included).
 */
function watch(outDir = PUBLIC_DIR): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rebuild = () =>
    buildWeb(outDir).then(
      () => console.log(`math-session.js rebuilt at ${new Date().toLocaleTimeString()}`),
      (error: Error) => console.error(error.message),
    );
  watchFiles(join(ROOT, "web"), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
  void rebuild();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--watch")) watch();
  else {
    const files = await buildWeb();
    if (process.argv.includes("--sizes")) {
      for (const { file, raw, gzip } of sizes(files)) console.log(`${file.padEnd(48)} ${String(raw).padStart(8)} B  ${String(gzip).padStart(7)} B gzip`);
    }
  }
}
