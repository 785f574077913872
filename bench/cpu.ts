/**
 * @module CPU time of a `wrangler dev` server's runtime, read from /proc: the nanoseconds every thread of
 * its workerd processes has run (`/proc/PID/task/TID/schedstat`), so a measure can say what one call
 * costs in CPU — what a room costs in production — whatever else runs on the machine.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The workerd processes in a process group. */
function workerdPids(group: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: the name may hold spaces, so read after its closing parenthesis.
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === group && name.startsWith("workerd")) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** A reader of the CPU nanoseconds a server's runtime has used so far (undefined where /proc says nothing). */
export function cpuMeter(group: number | undefined): (() => number) | undefined {
  if (group === undefined) return undefined;
  const pids = workerdPids(group);
  if (pids.length === 0) return undefined;
  return () => {
    let total = 0;
    for (const pid of pids) {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
        } catch {
          // The thread ended meanwhile; its time is lost to both readings alike.
        }
      }
    }
    return total;
  };
}
