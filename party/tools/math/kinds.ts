/**
 * @module What kind of mathjs value something is, without loading mathjs: its classes carry a flag on
 * their prototype (isMatrix, isFraction, …). This keeps mathjs out of the Worker's start-up; it loads on
 * the first math call (see instances.ts).
 */
import type { BigNumber, Complex, Fraction, Matrix, Unit } from "mathjs";

const marked =
  <T>(flag: string) =>
  (value: unknown): value is T =>
    typeof value === "object" && value !== null && (Object.getPrototypeOf(value) as Record<string, unknown> | null)?.[flag] === true;

export const isMatrix = marked<Matrix>("isMatrix");
export const isBigNumber = marked<BigNumber>("isBigNumber");
export const isFraction = marked<Fraction>("isFraction");
export const isComplex = marked<Complex>("isComplex");
export const isUnit = marked<Unit>("isUnit");
export const isResultSet = marked<{ entries: unknown[] }>("isResultSet");
export const isBigInt = (value: unknown): value is bigint => typeof value === "bigint";
