import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// CPU time the server and its database backends spend per request, read from /proc (Linux). Throughput on two
// shared cores moves with whatever else runs on the machine; the CPU a request costs does not, so it is the number
// to compare across runs and to extrapolate from.

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

type Stat = { ppid: number; cpuMs: number };

function statOf(pid: number): Stat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields after it start behind the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime] = [fields[1], fields[11], fields[12]].map(Number);
    if (ppid === undefined || utime === undefined || stime === undefined) return undefined;
    return { ppid, cpuMs: ((utime + stime) * 1000) / ticksPerSecond };
  } catch {
    return undefined;
  }
}

/** The process and its direct children (a PostgreSQL postmaster and its backends), with their CPU so far. */
function snapshot(pids: number[]): Map<number, number> {
  const roots = new Set(pids);
  const times = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = statOf(pid);
    if (stat && (roots.has(pid) || roots.has(stat.ppid))) times.set(pid, stat.cpuMs);
  }
  return times;
}

/** Starts counting; `stop()` gives the CPU milliseconds the processes (and their children but `exclude`) used meanwhile. */
export function countCpu(pids: number[], exclude: number[] = []): { stop: () => number } {
  const before = snapshot(pids);
  return {
    stop: () => {
      let used = 0;
      for (const [pid, ms] of snapshot(pids)) if (!exclude.includes(pid)) used += ms - (before.get(pid) ?? 0);
      return Math.round(used);
    },
  };
}
