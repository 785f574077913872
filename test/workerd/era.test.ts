/**
 * The era classifier and the modern validation ladder, rung by rung, as pure functions inside workerd.
 */
import { describe, expect, it } from "vitest";
import { claimsModern, frameEra, httpEra } from "../../party/engine/era.ts";
import { checkVersion, declares, isRefusal, readEnvelope, requiredCapabilities } from "../../party/modern/ladder.ts";
import type { Envelope } from "../../party/modern/ladder.ts";
import { completeResult, modernError, statusOf } from "../../party/modern/results.ts";

const V = "io.modelcontextprotocol/protocolVersion";
const CAPS = "io.modelcontextprotocol/clientCapabilities";
const modern = (meta: Record<string, unknown>, method = "tools/list") => ({ jsonrpc: "2.0", id: 1, method, params: { _meta: meta } });

describe("era", () => {
  it("calls a request modern when its _meta names a protocol version, even an initialize", () => {
    expect(claimsModern(modern({ [V]: "2026-07-28", [CAPS]: {} }))).toBe(true);
    expect(claimsModern(modern({ [V]: "2026-07-28" }, "initialize"))).toBe(true);
    expect(claimsModern({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: { progressToken: 1 } } })).toBe(false);
    expect(claimsModern({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25" } })).toBe(false);
    expect(claimsModern("junk")).toBe(false);
    expect(frameEra(modern({ [V]: "x" }))).toBe("modern");
    expect(frameEra({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } })).toBe("legacy");
  });

  it("on HTTP, lets the body decide, then a modern MCP-Protocol-Version header; legacy and unknown old versions stay legacy", () => {
    const bare = { jsonrpc: "2.0", id: 1, method: "tools/list" };
    expect(httpEra(modern({ [V]: "2026-07-28" }), null)).toBe("modern");
    expect(httpEra(modern({ [V]: "2026-07-28" }), "2025-11-25")).toBe("modern");
    expect(httpEra(bare, "2026-07-28")).toBe("modern");
    expect(httpEra(bare, " v999.0.0 ")).toBe("modern");
    expect(httpEra(bare, "2025-11-25")).toBe("legacy");
    expect(httpEra(bare, "2024-11-05")).toBe("legacy");
    expect(httpEra(bare, "1999-01-01")).toBe("legacy");
    expect(httpEra(bare, null)).toBe("legacy");
  });
});

describe("the envelope", () => {
  it("refuses a missing _meta, protocol version or capabilities with 400 and -32602", () => {
    for (const params of [undefined, {}, { _meta: "x" }, { _meta: { [CAPS]: {} } }, { _meta: { [V]: 7, [CAPS]: {} } }, { _meta: { [V]: "2026-07-28" } }, { _meta: { [V]: "2026-07-28", [CAPS]: [] } }]) {
      const result = readEnvelope(params);
      expect(isRefusal(result), JSON.stringify(params)).toBe(true);
      expect(result).toMatchObject({ status: 400, code: -32602, message: expect.stringMatching(/^Invalid params: /) });
    }
  });

  it("needs no clientInfo, and refuses a log level that is not one", () => {
    const envelope = readEnvelope({ _meta: { [V]: "2026-07-28", [CAPS]: { sampling: {} }, progressToken: "p" } }) as Envelope;
    expect(isRefusal(envelope)).toBe(false);
    expect(envelope).toMatchObject({ protocolVersion: "2026-07-28", clientCapabilities: { sampling: {} }, meta: { progressToken: "p" } });
    expect(envelope.clientInfo).toBeUndefined();
    expect(readEnvelope({ _meta: { [V]: "2026-07-28", [CAPS]: {}, "io.modelcontextprotocol/logLevel": "loud" } })).toMatchObject({ code: -32602 });
    expect(readEnvelope({ _meta: { [V]: "2026-07-28", [CAPS]: {}, "io.modelcontextprotocol/logLevel": "debug" } })).toMatchObject({ logLevel: "debug" });
  });

  it("answers an unsupported version with -32022 listing what is served and echoing what was asked", () => {
    expect(checkVersion({ protocolVersion: "2026-07-28", clientCapabilities: {}, meta: {} })).toBeUndefined();
    for (const requested of ["v999.0.0", "2025-11-25", "2027-01-01"]) {
      expect(checkVersion({ protocolVersion: requested, clientCapabilities: {}, meta: {} })).toEqual({
        status: 400,
        code: -32022,
        message: expect.any(String),
        data: { supported: ["2026-07-28"], requested },
      });
    }
  });

  it("reads declared capabilities and extensions, and says what is missing as a capabilities object", () => {
    const envelope = { clientCapabilities: { elicitation: {}, extensions: { "io.modelcontextprotocol/tasks": {} } } };
    expect(declares(envelope, "elicitation")).toBe(true);
    expect(declares(envelope, "sampling")).toBe(false);
    expect(declares(envelope, "extensions.io.modelcontextprotocol/tasks")).toBe(true);
    expect(declares({ clientCapabilities: {} }, "extensions.io.modelcontextprotocol/tasks")).toBe(false);
    expect(requiredCapabilities("sampling")).toEqual({ sampling: {} });
    expect(requiredCapabilities("extensions.io.modelcontextprotocol/tasks")).toEqual({ extensions: { "io.modelcontextprotocol/tasks": {} } });
  });
});

describe("modern results and errors", () => {
  const serverInfo = { name: "math-mcp", version: "1" };

  it("carry resultType, the server's identity, and caching hints where the spec asks", () => {
    expect(completeResult("tools/list", { tools: [] }, serverInfo)).toEqual({
      tools: [],
      resultType: "complete",
      ttlMs: 3_600_000,
      cacheScope: "public",
      _meta: { "io.modelcontextprotocol/serverInfo": serverInfo },
    });
    expect(completeResult("resources/read", { contents: [] }, serverInfo)).toMatchObject({ ttlMs: 0, cacheScope: "private" });
    const call = completeResult("tools/call", { content: [], _meta: { mine: 1 } }, serverInfo);
    expect(call).not.toHaveProperty("ttlMs");
    expect(call._meta).toEqual({ mine: 1, "io.modelcontextprotocol/serverInfo": serverInfo });
    // A task's CreateTaskResult keeps its resultType and gets no caching hints.
    expect(completeResult("tools/call", { resultType: "task", taskId: "t" }, serverInfo)).toMatchObject({ resultType: "task" });
  });

  it("never carry a code 2026-07-28 forbids; HTTP statuses follow the code", () => {
    expect(modernError({ code: -32002, message: "Resource not found: x", data: { uri: "x" } })).toEqual({ code: -32602, message: "Resource not found: x", data: { uri: "x" } });
    expect(modernError({ code: -32029, message: "slow down" }).code).toBe(-31429);
    expect(modernError({ code: -32003, message: "viewer" }).code).toBe(-31403);
    expect(modernError({ code: -32601, message: "m" }).code).toBe(-32601);
    expect([-32601, -32600, -32020, -32021, -32022, -31429, -31403, -32602, -32603].map(statusOf)).toEqual([404, 400, 400, 400, 400, 429, 200, 200, 500]);
  });
});
