/**
 * @module The room's resources: its log and its variables, as JSON a client can read or subscribe to.
 */
import type { RoomData } from "../profile.ts";
import { ResourceRegistry } from "./registry.ts";

export const LOG_URI = "room://log";
export const VARIABLES_URI = "room://variables";
export const PARTICIPANTS_URI = "room://participants";
/** Events in room://log: the newest ones; older pages come from room://log/{since}. */
const LOG_TAIL = 100;
const LOG_PAGE = 1000;

const json = (uri: string, body: string) => [{ uri, mimeType: "application/json", text: body }];

export function roomResources({ room, log, variables, participants }: RoomData): ResourceRegistry {
  const logBody = (events: string[]) =>
    `{"room":${JSON.stringify(room)},"firstSeq":${log.firstSeq ?? "null"},"lastSeq":${log.lastSeq},"events":[${events.join(",")}]}`;
  return new ResourceRegistry()
    .resource(
      {
        uri: LOG_URI,
        name: "log",
        title: "Room log",
        description: `The newest ${LOG_TAIL} events of the room's log (every tool call, in order), with the kept seq range.`,
        mimeType: "application/json",
        read: () => json(LOG_URI, logBody(log.recent(LOG_TAIL))),
      },
      {
        uri: VARIABLES_URI,
        name: "variables",
        title: "Room variables",
        description: "The variables and functions defined in this room (by evaluate), shared by every participant.",
        mimeType: "application/json",
        read: () => json(VARIABLES_URI, JSON.stringify({ room, variables: variables.list() })),
      },
      {
        uri: PARTICIPANTS_URI,
        name: "participants",
        title: "Who is in the room",
        description: "The participants connected to the room now: people in the web page, agents, scripts.",
        mimeType: "application/json",
        read: () => json(PARTICIPANTS_URI, JSON.stringify({ room, participants: participants() })),
      },
    )
    .template(
      {
        uriTemplate: "room://log/{since}",
        name: "log-since",
        title: "Room log after a seq",
        description: `Up to ${LOG_PAGE} events with seq greater than {since}, oldest first: page through the whole log.`,
        mimeType: "application/json",
        read: ({ since }, uri) => {
          const after = /^\d{1,15}$/.test(since!) ? Number(since) : 0;
          return json(uri, logBody(log.page(after, LOG_PAGE)));
        },
      },
      {
        uriTemplate: "room://variables/{name}",
        name: "variable",
        title: "One room variable",
        description: "One variable or function of the room, by name.",
        mimeType: "application/json",
        read: ({ name }, uri) => json(uri, JSON.stringify(variables.get(name!) ?? null)),
        complete: (_variable, value) => variables.list().map((v) => v.name).filter((n) => n.startsWith(value)),
      },
    );
}
