/**
 * @module The floor plus the zod validation the room runs per tools/call (see validation.ts). Its
 * difference from the floor is the cost of validation.
 */
import { Floor } from "./floor.ts";
import type { FloorRequest } from "./floor.ts";
import { validateCall } from "./validation.ts";

export class FloorValidate extends Floor {
  protected override accept(value: unknown): FloorRequest {
    return validateCall(value);
  }
}
