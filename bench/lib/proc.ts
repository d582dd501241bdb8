// Resource figures of a server child read from /proc (Linux), so every server is measured the
// same way from outside, whatever it is written in.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  /** user + system CPU seconds since the process started */
  cpuSeconds: number;
  rssBytes: number;
  /** bytes this process caused to be written to storage (page-cache dirtying included) */
  writeBytes: number;
}

export function sampleProc(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  let writeBytes = 0;
  try {
    writeBytes = Number(/write_bytes:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    // /proc/<pid>/io can be unreadable in some containers; reported as 0.
  }
  return { cpuSeconds: (utime + stime) / CLOCK_TICKS, rssBytes: rssKb * 1024, writeBytes };
}

export function diffProc(before: ProcSample, after: ProcSample) {
  return {
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    writeBytes: after.writeBytes - before.writeBytes,
    rssBytes: after.rssBytes,
  };
}
