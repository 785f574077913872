/**
 * @module A tool's domain error: reported as an `isError` result with a sentence a person can act on.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}
