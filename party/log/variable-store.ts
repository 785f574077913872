/**
 * @module The room's variables in its SQLite storage; every change is told to `onChange`.
 */
import type { Variable, VariableStore } from "../tools/context.ts";

export class SqlVariableStore implements VariableStore {
  readonly #sql: SqlStorage;
  readonly #onChange: () => void;

  constructor(sql: SqlStorage, onChange: () => void = () => {}) {
    this.#sql = sql;
    this.#onChange = onChange;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS variables (position INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL, body TEXT NOT NULL)",
    );
  }

  list(): Variable[] {
    return this.#sql.exec<{ body: string }>("SELECT body FROM variables ORDER BY position").toArray().map((r) => JSON.parse(r.body) as Variable);
  }

  get(name: string): Variable | undefined {
    const row = this.#sql.exec<{ body: string }>("SELECT body FROM variables WHERE name = ?", name).toArray()[0];
    return row ? (JSON.parse(row.body) as Variable) : undefined;
  }

  set(variable: Variable): void {
    this.#sql.exec(
      "INSERT INTO variables (name, body) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET body = excluded.body",
      variable.name,
      JSON.stringify(variable),
    );
    this.#onChange();
  }

  delete(name: string): boolean {
    const removed = this.#sql.exec("DELETE FROM variables WHERE name = ?", name).rowsWritten > 0;
    if (removed) this.#onChange();
    return removed;
  }

  clear(): number {
    const removed = this.#sql.exec("DELETE FROM variables").rowsWritten;
    if (removed > 0) this.#onChange();
    return removed;
  }
}
