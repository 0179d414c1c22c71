// "Check a whole report file": the chosen file (JSON or YAML, any size) goes to naplint in
// a background worker (`naplint/worker`), so the page stays responsive while it is
// checked; the findings are listed with their lines. The worker loads the module once,
// when the first file is checked, and serves every later one. Its texts are here in
// English and French; it follows `<html lang>`, which the page's language toggle sets,
// and re-checks the file in the new language. Separate from the form's live checking
// (app.js): it never changes the report being edited.
import { createWorker } from '../npm/lib/worker.js';

const TEXTS = {
  en: {
    heading: 'Check a whole report file',
    hint: 'The file is checked in a background worker, in your browser: the form stays responsive and nothing is sent anywhere. The report being edited above does not change.',
    choose: 'Check a report file (JSON or YAML)',
    checking: ({ file }) => `Checking ${file}…`,
    result: ({ file, errors, warnings, notes }) =>
      `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}.`,
    item: ({ line, column, severity, code, message }) => `line ${line}:${column} — ${severity} ${code}: ${message}`,
    failed: ({ file, message }) => `${file} could not be checked: ${message}`,
    severity: { error: 'error', warning: 'warning', info: 'note' },
  },
  fr: {
    heading: 'Vérifier tout un fichier de rapport',
    hint: 'Le fichier est vérifié en arrière-plan (worker), dans votre navigateur : le formulaire reste utilisable et rien n’est envoyé. Le rapport en cours de modification ci-dessus ne change pas.',
    choose: 'Vérifier un fichier de rapport (JSON ou YAML)',
    checking: ({ file }) => `Vérification de ${file}…`,
    result: ({ file, errors, warnings, notes }) =>
      `${file} : ${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''}, ${notes} remarque${notes > 1 ? 's' : ''}.`,
    item: ({ line, column, severity, code, message }) => `ligne ${line}:${column} — ${severity} ${code} : ${message}`,
    failed: ({ file, message }) => `${file} n’a pas pu être vérifié : ${message}`,
    severity: { error: 'erreur', warning: 'avertissement', info: 'remarque' },
  },
};

const $ = (id) => document.getElementById(id);
const langOf = () => (document.documentElement.lang.startsWith('fr') ? 'fr' : 'en');
let worker;
/** The file last chosen: its name and bytes, re-checked on a language switch. */
let current;
/** Counts checks, so that a slow answer to an older one is dropped. */
let generation = 0;

function applyTexts() {
  const t = TEXTS[langOf()];
  $('file-check-heading').textContent = t.heading;
  $('file-check-hint').textContent = t.hint;
  $('check-file-label').textContent = t.choose;
}

async function check() {
  if (!current) return;
  const lang = langOf();
  const t = TEXTS[lang];
  const mine = ++generation;
  const status = $('file-check-status');
  const list = $('file-check-list');
  status.textContent = t.checking({ file: current.name });
  worker ??= createWorker();
  let diagnostics;
  try {
    // Bytes, so that a file that is not UTF-8 gets its S003 rather than an exception.
    const format = /\.ya?ml$/i.test(current.name) ? 'yaml' : undefined;
    diagnostics = await worker.validate(current.bytes, format ? { lang, format } : { lang });
  } catch (e) {
    if (mine === generation) status.textContent = t.failed({ file: current.name, message: e.message });
    return;
  }
  if (mine !== generation) return;
  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  status.textContent = t.result({
    file: current.name,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('info'),
  });
  list.lang = document.documentElement.lang;
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = `severity-${d.severity}`;
      li.dataset.code = d.code;
      li.textContent = t.item({ ...d, severity: t.severity[d.severity] });
      return li;
    }),
  );
}

$('check-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  current = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  event.target.value = '';
  await check();
});

new MutationObserver(() => {
  applyTexts();
  check();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
applyTexts();
