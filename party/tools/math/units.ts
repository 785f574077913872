/**
 * @module Units mathjs lacks or has with an outdated value, defined on each instance when it is made:
 * the electronvolt of the 2019 SI (exactly 1.602176634e-19 J; mathjs has the 2010 value), calories, knots,
 * nautical miles, mph, astronomical units, light years, parsecs, daltons.
 */
import type { MathJsInstance } from "mathjs";

const DEFINITIONS: [string, string, { prefixes?: string; aliases?: string[] }][] = [
  ["electronvolt", "1.602176634e-19 J", { prefixes: "long", aliases: ["electronvolts"] }],
  ["eV", "1 electronvolt", { prefixes: "short" }],
  ["calorie", "4.184 J", { prefixes: "long", aliases: ["calories"] }],
  ["cal", "4.184 J", { prefixes: "short" }],
  ["Calorie", "4184 J", { aliases: ["Calories", "Cal"] }],
  ["knot", "0.514444444444444444 m/s", { aliases: ["knots", "kn"] }],
  ["nauticalmile", "1852 m", { aliases: ["nauticalmiles", "nmi"] }],
  ["mph", "1 mi/h", {}],
  ["astronomicalunit", "149597870700 m", { aliases: ["au"] }],
  ["lightyear", "9460730472580800 m", { aliases: ["lightyears", "ly"] }],
  ["parsec", "30856775814913673 m", { prefixes: "short", aliases: ["parsecs", "pc"] }],
  ["dalton", "1.66053906660e-27 kg", { aliases: ["daltons", "Da"] }],
];

export function defineUnits(math: MathJsInstance): void {
  for (const [name, definition, options] of DEFINITIONS) {
    math.createUnit(name, { definition, prefixes: options.prefixes, aliases: options.aliases }, { override: true });
  }
}
