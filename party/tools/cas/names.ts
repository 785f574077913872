/**
 * @module Keeps a person's names apart from the engine's own. The engine's library defines symbols such
 * as N, D, C, m, s and Pi; a variable a person calls `m` must not become the engine's metre, nor `N` its
 * numeric-evaluation function. Such names are renamed on the way in (`m` → `m__`) and back on the way out.
 * Names with a double underscore are reserved for this, so a person's names never collide with them.
 */
import { ToolError } from "../tool-error.ts";

/** Symbols the engine answers with, as people write them in mathjs syntax. */
export const ENGINE_CONSTANTS: Record<string, string> = {
  Pi: "pi",
  ExponentialE: "e",
  ImaginaryUnit: "i",
  PositiveInfinity: "Infinity",
  NegativeInfinity: "-Infinity",
  ComplexInfinity: "ComplexInfinity",
  NaN: "NaN",
  GoldenRatio: "phi",
  EulerGamma: "EulerGamma",
  CatalanConstant: "Catalan",
  Half: "1/2",
};

export class Names {
  readonly #toEngine = new Map<string, string>();
  readonly #toPerson = new Map<string, string>();

  readonly #defined: (name: string) => boolean;

  /** @param defined whether the engine's library already defines a name */
  constructor(defined: (name: string) => boolean) {
    this.#defined = defined;
  }

  /** The engine symbol for a person's name (the name itself unless the library has it). */
  engine(name: string): string {
    if (name.includes("__")) throw new ToolError(`names with a double underscore (${name}) are reserved; choose another name`);
    let symbol = this.#toEngine.get(name);
    if (symbol === undefined) {
      symbol = Object.hasOwn(ENGINE_CONSTANTS, name) || this.#defined(name) ? `${name}__` : name;
      this.#toEngine.set(name, symbol);
      this.#toPerson.set(symbol, name);
    }
    return symbol;
  }

  /** The person's name for an engine symbol that stands for one, else undefined. */
  person(symbol: string): string | undefined {
    return this.#toPerson.get(symbol);
  }

  /** Every person's name seen so far, by its engine symbol. */
  symbols(): string[] {
    return [...this.#toPerson.keys()];
  }
}
