/**
 * A room's variables kept in memory, for tests that run tools or the engine without a room.
 */
import type { Variable, VariableStore } from "../../party/tools/context.ts";

export function memoryVariables(): VariableStore {
  const map = new Map<string, Variable>();
  return {
    list: () => [...map.values()],
    get: (name) => map.get(name),
    set: (variable) => void map.set(variable.name, variable),
    delete: (name) => map.delete(name),
    clear: () => {
      const count = map.size;
      map.clear();
      return count;
    },
  };
}
