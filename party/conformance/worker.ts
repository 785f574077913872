/**
 * @module The test configurations' Worker: the math service exactly as it ships, plus the MCP
 * conformance suite's fixture room at /conformance/mcp. Only test configurations name it
 * (test/workerd/wrangler.toml, test/conformance.wrangler.toml); what `wrangler deploy` ships
 * (wrangler.toml: party/worker.ts) has neither the fixture's Durable Object nor its route.
 */
import { mathWorker, routeMcp } from "../worker.ts";
import type { ConformanceRoom } from "./room.ts";

export { Room } from "../room.ts";
export { ConformanceRoom } from "./room.ts";

type FixtureEnv = Env & { ConformanceRoom: DurableObjectNamespace<ConformanceRoom> };

export default mathWorker({ "/conformance/mcp": (request, env) => routeMcp(request, env, (env as FixtureEnv).ConformanceRoom, "c") });
