/**
 * @module Code shared by the room (party/) and the web client (web/).
 */
export * from "./jsonrpc.ts";
export * from "./events.ts";
export * from "./mcp.ts";
export * from "./notes.ts";
