/**
 * A background CPU hog, run as a child process by the calibration study.
 *
 *   node hog-child.ts busy            spin forever
 *   node hog-child.ts periodic 200    spin for 200 ms, sleep for 200 ms, and so on
 *
 * It exits by itself as soon as its parent is gone (the parent pid changes when the child is
 * re-parented), so even a SIGKILLed study cannot leave a hog behind for long.
 */
const parent = process.ppid;
const mode = process.argv[2] ?? 'busy';
const periodMs = Number(process.argv[3] ?? 200);
const cell = new Int32Array(new SharedArrayBuffer(4));
let x = 1;
let lastCheck = Date.now();

function checkParent(now: number): void {
  if (now - lastCheck < 20) return;
  lastCheck = now;
  if (process.ppid !== parent) process.exit(0);
}

function busyUntil(deadline: number): void {
  for (;;) {
    for (let i = 0; i < 50_000; i++) x = (Math.imul(x, 31) + i) | 0;
    const now = Date.now();
    checkParent(now);
    if (now >= deadline) return;
  }
}

if (mode === 'periodic') {
  for (;;) {
    busyUntil(Date.now() + periodMs);
    // Sleep in short slices so a vanished parent is still noticed.
    const wake = Date.now() + periodMs;
    while (Date.now() < wake) {
      Atomics.wait(cell, 0, 0, Math.min(20, wake - Date.now()));
      checkParent(Date.now() + 20);
    }
  }
} else {
  busyUntil(Infinity);
}
// Unreachable; keeps `x` observable.
process.stdout.write(String(x));
