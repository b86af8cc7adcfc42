import { readdirSync, readFileSync } from 'node:fs';

// Process-tree readings from /proc for the benchmarks: the embedded PostgreSQL and Chromium run as children of the
// benchmark process, so their CPU time is read off the same tree.

export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the tree was read.
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

const CLOCK_TICKS = 100;

// CPU seconds of a process and everything below it, including exited children (cutime/cstime): on a shared
// machine the wall time depends on the neighbours, the CPU time much less.
export function treeCpuSeconds(root: number = process.pid): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while it was read; its time moved to its parent's cutime.
    }
  }
  return ticks / CLOCK_TICKS;
}

// This process's own CPU seconds, all its threads included.
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
