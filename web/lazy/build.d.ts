/**
 * @module What the build (scripts/build-web.ts) defines: the paths of the lazy modules, relative to the
 * first-load module, and KaTeX's stylesheet and fonts for the renderer.
 */
declare const __MATH_LAZY__: { typesetter: string; parser: string };
declare const __KATEX_CSS__: string;
declare const __KATEX_FONTS__: { family: string; style: string; weight: string; file: string }[];
