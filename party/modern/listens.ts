/**
 * @module The room's open `subscriptions/listen` streams, and what each one asked for. A change in the
 * room (a resource, a list, a room event, a task) goes to exactly the streams whose filter names it,
 * tagged with the stream's subscription id (`basic/patterns/subscriptions.mdx`).
 */
import type { RequestId } from "../../shared/jsonrpc.ts";
import { META, VENDOR } from "../../shared/mcp.ts";

/** What a stream asked for and the server agreed to (the acknowledged filter). */
export type ListenFilter = {
  toolsListChanged?: true;
  promptsListChanged?: true;
  resourcesListChanged?: true;
  resourceSubscriptions?: string[];
  taskIds?: string[];
  /** Room events (math-mcp's extension); the value may carry `since` to replay kept events first. */
  [VENDOR.roomEvents]?: true | { since: number };
  [VENDOR.presence]?: true;
};

export type Listen = {
  id: RequestId;
  filter: ListenFilter;
  /** Sends one serialized notification on the stream. */
  send(frame: string): void;
  /** The socket the stream runs on, if any: its untagged room broadcasts are held back. */
  socket?: unknown;
};

const LIST_KEYS = { tools: "toolsListChanged", prompts: "promptsListChanged", resources: "resourcesListChanged" } as const;

/** A notification frame for one stream: its params (already JSON, an object) with the subscription id in front. */
export function tagged(method: string, id: RequestId, paramsJson = "{}"): string {
  const meta = `{"_meta":{${JSON.stringify(META.subscriptionId)}:${JSON.stringify(id)}}`;
  const rest = paramsJson.trim() === "{}" ? "}" : `,${paramsJson.trim().slice(1)}`;
  return `{"jsonrpc":"2.0","method":${JSON.stringify(method)},"params":${meta}${rest}}`;
}

export class Listens {
  readonly #open = new Set<Listen>();

  /** Registers a stream; answers the function that ends it. */
  add(listen: Listen): () => void {
    this.#open.add(listen);
    return () => void this.#open.delete(listen);
  }

  get size(): number {
    return this.#open.size;
  }

  resourceUpdated(uri: string): void {
    for (const listen of this.#open) {
      if (listen.filter.resourceSubscriptions?.includes(uri)) listen.send(tagged("notifications/resources/updated", listen.id, JSON.stringify({ uri })));
    }
  }

  listChanged(list: keyof typeof LIST_KEYS): void {
    for (const listen of this.#open) {
      if (listen.filter[LIST_KEYS[list]]) listen.send(tagged(`notifications/${list}/list_changed`, listen.id));
    }
  }

  /** One notification (method, params JSON) to every stream that asked for `kind`. */
  vendor(kind: typeof VENDOR.roomEvents | typeof VENDOR.presence, method: string, paramsJson: string): void {
    for (const listen of this.#open) if (listen.filter[kind]) listen.send(tagged(method, listen.id, paramsJson));
  }

  task(taskId: string, detailedJson: string): void {
    for (const listen of this.#open) if (listen.filter.taskIds?.includes(taskId)) listen.send(tagged("notifications/tasks", listen.id, detailedJson));
  }

  /** The sockets that get `kind` on a stream of theirs (so not as an untagged broadcast too). */
  sockets(kind: typeof VENDOR.roomEvents | typeof VENDOR.presence): Set<unknown> {
    const sockets = new Set<unknown>();
    for (const listen of this.#open) if (listen.socket !== undefined && listen.filter[kind]) sockets.add(listen.socket);
    return sockets;
  }
}
