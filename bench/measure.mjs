// The timing loop shared by bench/wasm.mjs and bench/session.mjs.
//
// measure(fn, { batches, targetMs }) warms `fn` up (JIT, WASM tiering) while sizing a
// batch to take about `targetMs`, then times `batches` batches and returns the median and
// minimum wall time per call and the median CPU time per call, in µs. `fn` gets the
// call's index within its batch (a cycle of edits uses it).

/** Median and minimum µs per call over `batches` batches sized to about `targetMs`. */
export function measure(fn, { batches = 40, targetMs = 30 } = {}) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > targetMs) break;
    n *= 2;
  }
  // Wall time per call, and the process's CPU time per call: on a loaded machine the
  // second is steadier (it leaves out the time this process waits for a core).
  const perCall = [];
  const cpuPerCall = [];
  for (let b = 0; b < batches; b++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    perCall.push(Number(process.hrtime.bigint() - t0) / 1e3 / n);
    const c = process.cpuUsage(c0);
    cpuPerCall.push((c.user + c.system) / n);
  }
  perCall.sort((a, b) => a - b);
  cpuPerCall.sort((a, b) => a - b);
  return {
    min_us: perCall[0],
    median_us: perCall[Math.floor(perCall.length / 2)],
    cpu_median_us: cpuPerCall[Math.floor(cpuPerCall.length / 2)],
    calls_per_batch: n,
  };
}
