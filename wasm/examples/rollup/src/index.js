import { init, validate } from 'naplint';
import { createWorker } from 'naplint/worker';

function show(id, diagnostics) {
  const list = document.getElementById(id);
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.textContent = `${d.severity} ${d.code} ${d.pointer}: ${d.message}`;
    list.append(item);
  }
}

async function main() {
  const report = await (await fetch('./report.json')).text();
  await init(); // fetches and instantiates naplint's .wasm, once
  show('findings', validate(report));
  const worker = createWorker(); // the same API, off the main thread
  show('worker-findings', await worker.validate(report, { lang: 'fr' }));
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = `error: ${e.message}`;
});
