/**
 * The peak resident memory of a process and all its descendants (a fleet run: connected-app and
 * the sf processes it starts), sampled from /proc every 50 ms, and the CPU time of such a tree.
 * Linux only; elsewhere undefined.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const PAGE_KIB = 4;

function processes(): Map<number, { parent: number; rssKiB: number }> {
  const table = new Map<number, { parent: number; rssKiB: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses: state, ppid, …, rss is the 24th field.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { parent: Number(fields[1]), rssKiB: Number(fields[21]) * PAGE_KIB });
    } catch {
      // The process ended while being read.
    }
  }
  return table;
}

function treeRssKiB(root: number): number {
  const table = processes();
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += table.get(pid)?.rssKiB ?? 0;
    for (const [child, entry] of table) if (entry.parent === pid) pending.push(child);
  }
  return total;
}

/** Starts sampling the tree under `pid`; the returned function stops and gives the peak in MiB. */
export function samplePeakMemory(pid: number): () => number | undefined {
  if (!existsSync('/proc/self/stat')) return () => undefined;
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssKiB(pid));
  }, 50);
  return () => {
    clearInterval(timer);
    return peak / 1024;
  };
}

/**
 * CPU seconds (user + system) of this process's children that have ended and been waited for,
 * and of their waited-for children in turn: the whole tree of a command once it exited.
 * From /proc/self/stat (cutime, cstime); undefined where there is no /proc.
 */
export function childrenCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are the 16th and 17th fields of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
