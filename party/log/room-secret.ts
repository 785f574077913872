/**
 * @module The room's own secret, made once and kept in its storage: what seals request state and signs
 * participant handles when the deployment sets no STATE_SECRET.
 */
import { randomToken } from "../ids.ts";

export function roomSecret(sql: SqlStorage): string {
  sql.exec("CREATE TABLE IF NOT EXISTS room_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)");
  const row = sql.exec<{ secret: string }>("SELECT secret FROM room_secret").toArray()[0];
  if (row) return row.secret;
  const secret = randomToken(32);
  sql.exec("INSERT INTO room_secret (id, secret) VALUES (1, ?)", secret);
  return secret;
}
