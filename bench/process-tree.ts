import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

function postmasterOf(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

// The stat fields (after the command name) of the postmaster of `dataDir` and of each of its children.
function clusterStats(dataDir: string): { pid: number; postmaster: boolean; fields: string[] }[] {
  const postmaster = postmasterOf(dataDir);
  const out: { pid: number; postmaster: boolean; fields: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid === postmaster || Number(fields[1]) === postmaster)
      out.push({ pid, postmaster: pid === postmaster, fields });
  }
  return out;
}

// CPU seconds of the cluster: the postmaster, its live backends, and the backends it has already reaped.
export function pgCpuSeconds(dataDir: string): number {
  let ticks = 0;
  for (const { postmaster, fields: f } of clusterStats(dataDir))
    ticks += Number(f[11]) + Number(f[12]) + (postmaster ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / CLOCK_TICKS;
}

// The embedded cluster's processes: the postmaster of `dataDir` and its children (backends, background workers).
export function pgPids(dataDir: string): number[] {
  return clusterStats(dataDir).map((s) => s.pid);
}

// Resident memory of a set of processes in bytes, read cheaply from /proc/<pid>/statm: each process's private
// resident pages, plus the largest shared resident set among them once (PostgreSQL's shared buffers, which every
// backend maps). Reading smaps for an exact proportional figure costs too much CPU to sample during a benchmark.
export function residentBytes(pids: readonly number[]): number {
  const page = 4096;
  let privatePages = 0;
  let sharedPages = 0;
  for (const pid of pids) {
    try {
      const [, resident, shared] = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ').map(Number);
      privatePages += resident - shared;
      sharedPages = Math.max(sharedPages, shared);
    } catch {
      // The process ended while it was read.
    }
  }
  return (privatePages + sharedPages) * page;
}
