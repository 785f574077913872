/**
 * @module The convert tool: a quantity from one unit to another, with mathjs's units.
 */
import * as z from "zod";
import type { Unit } from "mathjs";
import { defineTool } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { Budget, callBudget } from "./budget.ts";
import { MAX_WORK } from "./limits.ts";
import { describeError, run } from "./expression.ts";
import { showNumber, texOf } from "./format.ts";
import { expressionNamespace, mathFor } from "./instances.ts";
import { numberArgument } from "./real-function.ts";
import { pure, resultShape } from "./schema.ts";

const unitText = (what: string) => z.string().min(1).max(100).describe(what);

export const convertTool = defineTool({
  name: "convert",
  title: "Convert units",
  description:
    "Converts a quantity between units: 5 km/h to m/s, 100 degF to degC, 26.2 mi to km, 3 cups to ml, " +
    "2 GiB to MB, 1 eV to J (the 2019 SI value, exactly 1.602176634e-19 J), 20 knot to km/h, 1 kcal to J. Units are " +
    "written as mathjs writes them (m, km, inch, ft, mi, nmi, kg, lb, s, h, degC, degF, K, J, cal, eV, kWh, W, hp, Pa, psi, " +
    "bar, l, gal, knot, mph, au, ly, …) and may be combined: \"m/s^2\", \"kg m^2 / s^2\".",
  inputSchema: z.strictObject({
    value: z.union([z.number(), z.string().max(200)]).describe("The amount, a number or an expression such as \"1/3\""),
    from: unitText("The unit of the amount, e.g. \"km/h\""),
    to: unitText("The unit to convert to, e.g. \"m/s\""),
  }),
  outputSchema: z.object({ ...resultShape, amount: z.number().describe("The converted amount as a number"), unit: z.string() }),
  annotations: pure,
  handler: ({ value, from, to }, context) => {
    const call = callBudget(context);
    const amount = numberArgument(value, "value", context.room, call);
    const math = mathFor("number");
    const unit = expressionNamespace(math).unit as (value: number, unit: string) => Unit;
    let converted: Unit;
    try {
      converted = run(new Budget(MAX_WORK, call), () => unit(amount, from).to(to));
    } catch (error) {
      const message = describeError(error);
      const unknown = /Unit "(.+)" not found/.exec(message);
      if (unknown) throw new ToolError(`"${unknown[1]}" is not a unit this service knows`);
      if (/do not match|mismatch/i.test(message)) throw new ToolError(`${from} and ${to} measure different quantities, so one cannot be converted to the other`);
      throw new ToolError(message);
    }
    // Offsets and conversion factors leave rounding noise (100 degC was 211.99999999999997 degF): 15 digits are sure.
    const result = Number((converted as Unit & { toNumber(unit: string): number }).toNumber(to).toPrecision(15));
    const text = `${showNumber(result)} ${(converted as Unit & { formatUnits(): string }).formatUnits()}`;
    const latex = texOf(math, text);
    const shown = { value: text, type: "unit", ...(latex ? { latex } : {}) };
    return {
      structured: { ...shown, amount: result, unit: to },
      text: `${typeof value === "number" ? value : value.trim()} ${from} = ${shown.value}`,
    };
  },
});
