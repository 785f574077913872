/**
 * The HTTP header rungs of the modern ladder: MCP-Protocol-Version, Mcp-Method, Mcp-Name and
 * Mcp-Param-*, with whitespace, case and the Base64 sentinel.
 */
import { describe, expect, it } from "vitest";
import { headerValue, paramHeaderRefusal, routingHeaderRefusal, versionHeaderRefusal } from "../../party/http/mcp-headers.ts";

const envelope = { protocolVersion: "2026-07-28", clientCapabilities: {}, meta: {} };
const call = (name: string, args: Record<string, unknown> = {}) => ({ jsonrpc: "2.0" as const, id: 1, method: "tools/call", params: { name, arguments: args } });
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("header values", () => {
  it("are trimmed, and decoded from =?base64?…?= strictly", () => {
    expect(headerValue("  add  ")).toBe("add");
    expect(headerValue(`=?base64?${btoa("Hello")}?=`)).toBe("Hello");
    expect(headerValue("=?base64?SGVsbG8sIOS4lueVjA==?=")).toBe("Hello, 世界");
    expect(headerValue("=?base64?SGVsbG8?=")).toBeUndefined(); // bad padding
    expect(headerValue("=?base64?SGVs!!!bG8=?=")).toBeUndefined(); // not Base64
    expect(headerValue("SGVsbG8=")).toBe("SGVsbG8="); // no markers: literal
    expect(headerValue("=?base64?SGVsbG8=")).toBe("=?base64?SGVsbG8="); // no suffix: literal
    expect(headerValue("caf\u00e9")).toBeUndefined(); // not visible ASCII
  });
});

describe("the version and routing headers", () => {
  it("need MCP-Protocol-Version equal to _meta's", () => {
    expect(versionHeaderRefusal(headers({ "MCP-Protocol-Version": "2026-07-28" }), envelope)).toBeUndefined();
    expect(versionHeaderRefusal(headers({}), envelope)).toMatchObject({ status: 400, code: -32020 });
    expect(versionHeaderRefusal(headers({ "mcp-protocol-version": "2025-11-25" }), envelope)).toMatchObject({ status: 400, code: -32020 });
  });

  it("need Mcp-Method on every request, matched case-sensitively, and Mcp-Name where the method names something", () => {
    const list = { jsonrpc: "2.0" as const, id: 1, method: "tools/list" };
    expect(routingHeaderRefusal(headers({ "mcp-method": " tools/list " }), list)).toBeUndefined();
    expect(routingHeaderRefusal(headers({}), list)).toMatchObject({ code: -32020 });
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "TOOLS/LIST" }), list)).toMatchObject({ code: -32020 });
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "tools/call", "Mcp-Name": "  add  " }), call("add"))).toBeUndefined();
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "tools/call" }), call("add"))).toMatchObject({ code: -32020 });
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "tools/call", "Mcp-Name": "subtract" }), call("add"))).toMatchObject({ code: -32020 });
    const read = { jsonrpc: "2.0" as const, id: 1, method: "resources/read", params: { uri: "room://log/ü" } };
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "resources/read", "Mcp-Name": `=?base64?${btoa(unescape(encodeURIComponent("room://log/ü")))}?=` }), read)).toBeUndefined();
    const get = { jsonrpc: "2.0" as const, id: 1, method: "tasks/get", params: { taskId: "r.t" } };
    expect(routingHeaderRefusal(headers({ "Mcp-Method": "tasks/get", "Mcp-Name": "r.other" }), get)).toMatchObject({ code: -32020 });
  });
});

describe("argument headers (x-mcp-header)", () => {
  const schema = { type: "object", properties: { region: { type: "string", "x-mcp-header": "Region" }, count: { type: "integer", "x-mcp-header": "Count" }, nested: { type: "object", properties: { flag: { type: "boolean", "x-mcp-header": "Flag" } } } } };

  it("must be there and equal for every annotated argument the body gives", () => {
    expect(paramHeaderRefusal(headers({}), {}, schema)).toBeUndefined();
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Region": "us-west1" }), { region: "us-west1" }, schema)).toBeUndefined();
    expect(paramHeaderRefusal(headers({}), { region: "us-west1" }, schema)).toMatchObject({ status: 400, code: -32020 });
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Region": "eu" }), { region: "us-west1" }, schema)).toMatchObject({ code: -32020 });
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Region": "=?base64?SGVsbG8?=" }), { region: "Hello" }, schema)).toMatchObject({ code: -32020 });
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Count": "42.0" }), { count: 42 }, schema)).toBeUndefined();
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Flag": "true" }), { nested: { flag: true } }, schema)).toBeUndefined();
    expect(paramHeaderRefusal(headers({ "Mcp-Param-Flag": "false" }), { nested: { flag: true } }, schema)).toMatchObject({ code: -32020 });
    expect(paramHeaderRefusal(headers({}), { region: null }, schema)).toBeUndefined();
  });
});
