/**
 * @module `npm run build`: bundles the web component (web/) into one ES module and lays out the static
 * assets the Worker serves: dist/public/{math-session.js, index.html, _headers}.
 *
 * `wrangler dev` and `wrangler deploy` run this first ([build] in wrangler.toml). The test suite starts
 * several `wrangler dev` at once, so several builds may run side by side: every file is written whole to
 * a temporary directory beside dist/public and then renamed into place, so no server ever reads half a
 * file; a file that would not change is left alone.
 */
import { build, context } from "esbuild";
import type { BuildOptions, Plugin } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
export const PUBLIC_DIR = join(ROOT, "dist/public");

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

const OPTIONS = {
  entryPoints: [join(ROOT, "web/index.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  write: false,
  plugins: [englishOnly],
  logLevel: "warning",
} satisfies BuildOptions;

/** The component as one minified ES module. */
export async function bundle(): Promise<string> {
  return (await build(OPTIONS)).outputFiles[0]!.text;
}

/**
 * CORS for the module, so any page can load it with one script tag; browsers revalidate it (a 304 by its
 * ETag) so a new version reaches every page at once.
 */
const HEADERS = `/math-session.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=0, must-revalidate
`;

/** Writes each file whole (a rename), and only when it changed. */
function publish(script: string, outDir: string): void {
  const files: Record<string, string> = {
    "math-session.js": script,
    "index.html": readFileSync(join(ROOT, "web/index.html"), "utf8"),
    _headers: HEADERS,
  };
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, "..", ".build-"));
  try {
    for (const [name, text] of Object.entries(files)) {
      const target = join(outDir, name);
      if (existsSync(target) && readFileSync(target, "utf8") === text) continue;
      writeFileSync(join(staging, name), text);
      renameSync(join(staging, name), target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function buildWeb(outDir = PUBLIC_DIR): Promise<void> {
  publish(await bundle(), outDir);
}

/**
 * `npm run build -- --watch`: rebuilds on every change to the component. A running `wrangler dev` serves
 * the new files at once, without a restart (wrangler.toml does not watch web/: a restart would drop
 * every socket of every `wrangler dev` on this config, tests and benchmarks included).
 */
async function watch(outDir = PUBLIC_DIR): Promise<void> {
  const written: Plugin = {
    name: "publish",
    setup(esbuild) {
      esbuild.onEnd((result) => {
        if (result.errors.length > 0 || !result.outputFiles?.[0]) return;
        publish(result.outputFiles[0].text, outDir);
        console.log(`math-session.js rebuilt at ${new Date().toLocaleTimeString()}`);
      });
    },
  };
  const watcher = await context({ ...OPTIONS, plugins: [...OPTIONS.plugins, written] });
  await watcher.watch();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await (process.argv.includes("--watch") ? watch() : buildWeb());
}
