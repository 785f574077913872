/**
 * @module The math tools.
 */
export { mathTools } from "./math-tools.ts";
