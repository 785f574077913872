/**
 * @module The math renderer and the expression parser, loaded when first needed and never with the
 * first load: `loadTypesetter()` brings KaTeX, its stylesheet and fonts, and what turns events and
 * notes into math (lazy/typesetter.ts); `loadParser()` mathjs's parser (lazy/expression-tex.ts). Both come from beside the first-load module, from the
 * service itself (no CDN), so an embedding page that is offline or strict loses nothing.
 *
 * Each loads once; a load that fails (the network is gone) is tried again the next time it is asked for.
 */
import type * as Typesetter from "./lazy/typesetter.ts";
import type * as Parser from "./lazy/expression-tex.ts";

export type TypesetterModule = typeof Typesetter;
export type ParserModule = typeof Parser;

function lazy<T>(path: string): { load(): Promise<T>; loaded(): T | undefined } {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= (import(/* @vite-ignore */ new URL(path, import.meta.url).href) as Promise<T>).then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}

const typesetter = lazy<TypesetterModule>(__MATH_LAZY__.typesetter);
const parser = lazy<ParserModule>(__MATH_LAZY__.parser);

export const loadTypesetter = typesetter.load;
/** KaTeX, if it has loaded. */
export const typesetterLoaded = typesetter.loaded;
export const loadParser = parser.load;
/** The expression parser, if it has loaded. */
export const parserLoaded = parser.loaded;

/** Rendered formulas, by display mode and LaTeX: a log re-renders the same ones often. */
const rendered = new Map<string, { html: string } | { error: string }>();
const RENDERED_LIMIT = 2_000;

/**
 * The formula as KaTeX's HTML (MathML inside), or why it cannot be typeset; undefined while KaTeX has
 * not loaded (ask `loadTypesetter()`).
 */
export function typeset(latex: string, display = false): { html: string } | { error: string } | undefined {
  const katex = typesetter.loaded();
  if (!katex) return undefined;
  const key = `${display ? "D" : "T"}${latex}`;
  let result = rendered.get(key);
  if (!result) {
    try {
      result = { html: katex.render(latex, display) };
    } catch (error) {
      result = { error: (error as Error).message.replace(/^KaTeX parse error: /, "") };
    }
    if (rendered.size >= RENDERED_LIMIT) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, result);
  }
  return result;
}
