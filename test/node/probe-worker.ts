/**
 * Probes functions in a worker thread for test/node/cost-models.test.ts, one at a time as it is told
 * to: a model wrong enough to make a call run for minutes then stops only this thread, which the test
 * ends, reports, and replaces.
 */
import { parentPort } from "node:worker_threads";
import { probe, probeableFunctions } from "./cost-probe.ts";

parentPort!.on("message", async (message: { fn?: string; list?: true }) => {
  if (message.list) {
    parentPort!.postMessage({ list: await probeableFunctions() });
    return;
  }
  await probeableFunctions();
  parentPort!.postMessage({ fn: message.fn, points: probe(message.fn!, { sizes: "quick" }) });
});
