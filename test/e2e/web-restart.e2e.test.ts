/**
 * The pages stay open while `wrangler dev` crashes (SIGKILL) and comes back on the same persist directory
 * and port: they say they are reconnecting, reconnect by themselves and catch up, without a reload, with
 * no entry missing and none twice — their own calculations and an agent's calls made meanwhile included.
 */
import { Client } from "@modelcontextprotocol/client";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomClientTransport } from "../../web/room-transport.ts";
import { launchChromium, screenshot } from "../browser/chromium.ts";
import { openRoom } from "../browser/room-page.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

let dev: WranglerDev;
let browser: Browser;
beforeAll(async () => {
  [dev, browser] = await Promise.all([WranglerDev.start(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.dispose();
});

/** An agent on the same client transport as the component: it, too, comes back by itself. */
async function agent(room: string): Promise<Client> {
  const client = new Client({ name: "agent", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  await client.connect(new RoomClientTransport({ url: dev.wsUrl(`/rooms/${room}/mcp`), name: "agent", minReconnectDelayMs: 100, maxReconnectDelayMs: 1000 }));
  return client;
}

describe("open pages across a crash of wrangler dev", () => {
  it("reconnect by themselves and show every entry once, in order, without a reload", async () => {
    const room = `restart-${Date.now().toString(36)}`;
    const [ada, bob] = await Promise.all([openRoom(browser, dev.origin, room, "ada"), openRoom(browser, dev.origin, room, "bob")]);
    const claude = await agent(room);
    await ada.calculate("1 + 1");
    await ada.waitForSeqs([1]);
    await claude.callTool({ name: "add", arguments: { a: 2, b: 2 } });
    await Promise.all([ada.waitForSeqs([1, 2]), bob.waitForSeqs([1, 2])]);
    await Promise.all([ada, bob].map((p) => p.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))));

    const restarting = dev.restart("SIGKILL", true);
    await Promise.all([ada.waitForStatus("reconnecting"), bob.waitForStatus("reconnecting")]);
    await screenshot(ada.page, "restart-reconnecting");
    // While the room is down, a person's calculation and an agent's call wait; neither is lost.
    await ada.calculate("3 * 3");
    const held = claude.callTool({ name: "multiply", arguments: { a: 4, b: 4 } });
    await restarting;

    await Promise.all([ada.waitForStatus("connected"), bob.waitForStatus("connected")]);
    expect(await held).toMatchObject({ structuredContent: { value: 16 } });
    await claude.callTool({ name: "subtract", arguments: { a: 10, b: 5 } });
    await bob.calculate("2 * 21");
    const all = [1, 2, 3, 4, 5, 6];
    await Promise.all([ada.waitForSeqs(all), bob.waitForSeqs(all)]);

    const shown = await Promise.all(all.map((seq) => bob.latex(seq)));
    for (const expected of ["1+1 = 2", "2 + 2 = 4", "3\\cdot3 = 9", "4 \\times 4 = 16", "10 - 5 = 5", "2\\cdot21 = 42"]) {
      expect(shown.filter((t) => t === expected), expected).toHaveLength(1);
    }
    expect(await ada.seqs()).toEqual(all); // Nothing arrived twice after the wait either.
    for (const p of [ada, bob]) expect(await p.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await screenshot(bob.page, "restart-caught-up");
    for (const p of [ada, bob]) expect(p.errors).toEqual([]);
    await Promise.all([ada.close(), bob.close(), claude.close()]);
  });
});
