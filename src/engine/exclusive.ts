import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Detects measurements running at the same time, in this process or in another (for example
 * two timing spec files that Vitest runs in parallel workers). Two measurements on two cores
 * steal each other's CPU and bias both, so the engine flags it and the setup entry warns.
 */
const LOCK_DIR = join(tmpdir(), 'vitest-speedup-measurements');
let inProcess = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ExclusiveMeasurement {
  /** Others measuring concurrently, described for a message (empty when alone). */
  readonly others: () => string[];
  release(): void;
}

export function enterMeasurement(): ExclusiveMeasurement {
  inProcess++;
  const file = join(LOCK_DIR, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.lock`);
  let wrote = false;
  try {
    mkdirSync(LOCK_DIR, { recursive: true });
    writeFileSync(file, String(process.pid));
    wrote = true;
  } catch {
    // A read-only tmp dir only costs us the cross-process check.
  }
  let seen = new Set<string>();
  const scan = (): void => {
    try {
      for (const name of readdirSync(LOCK_DIR)) {
        const pid = Number(name.split('-')[0]);
        if (!Number.isInteger(pid) || pid === process.pid) continue;
        if (alive(pid)) seen.add(`process ${pid}`);
        else rmSync(join(LOCK_DIR, name), { force: true });
      }
    } catch {
      // Unreadable lock dir: nothing to report.
    }
  };
  scan();
  if (inProcess > 1) seen.add('another measurement in this process');
  return {
    others: () => {
      scan();
      if (inProcess > 1) seen.add('another measurement in this process');
      return [...seen];
    },
    release() {
      inProcess--;
      if (wrote) rmSync(file, { force: true });
      seen = new Set();
    },
  };
}
