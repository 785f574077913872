/**
 * @module The bundle's entry (math-session.js): defines `<math-session>` and the elements it is made of.
 */
export { MathSession } from "./math-session.ts";
export { MathLog } from "./math-log.ts";
export { MathExpressionInput } from "./math-expression-input.ts";
export { MathNoteInput } from "./math-note-input.ts";
export { MathTex } from "./math-tex.ts";
export { MathToolForm } from "./math-tool-form.ts";
export { MathCalls } from "./math-calls.ts";
export { MathParticipants } from "./math-participants.ts";
export { MathVariables } from "./math-variables.ts";
export { MathConnectionStatus } from "./math-connection-status.ts";
export { MathShare } from "./math-share.ts";
export { RoomController } from "./room-controller.ts";
export type { SessionStatus, CallInFlight, LogGap } from "./room-controller.ts";
export { RoomClientTransport } from "./room-transport.ts";
export type { CallRequest } from "./events.ts";
