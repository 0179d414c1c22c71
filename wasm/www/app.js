// The annual-update form: the report lives in a naplint session (`createSession`), and
// every input event is one `session.set` (or `remove`) of the field's JSON Pointer: the
// module splices that one value into the text it holds and returns the diagnostics, so
// nothing re-serialises the report per keystroke. Each diagnostic is shown beside the
// field its pointer designates (and beside every figure its `related` list names), plus
// a summary list with links to the fields. Messages leave line numbers out (`lines:
// false`): a form has no lines. An English/Français toggle switches every label, the
// page's `lang` and the findings (naplint's `lang` option) without reloading.
import { validate, fix, version, createSession, NaplintError } from '../npm/lib/auto.js';
import { TAGS, STATUS_LABELS, QUALIFIER_LABELS, TEXTS, capitalised } from './i18n.js';

const SEED_URL = '../../seeds/2013-14/report.json';
const TRP = '/statistics/trp/cumulative';
const TRP_FIGURES = ['permits_issued', 'recipients', 'male', 'female', 'minor_dependents'];

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- language

/** The language of the page and of the findings: `en` or `fr`. */
let lang = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';

/** The text `key` in the current language; texts with arguments are functions. */
function t(key, args = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.en[key];
  return typeof text === 'function' ? text(args) : text;
}

const severityWord = (s) => (['error', 'warning', 'info'].includes(s) ? t(s) : s);
const statusOptions = () => Object.entries(STATUS_LABELS).map(([v, l]) => [v, capitalised(l[lang])]);
const qualifierOptions = () => [['', t('exactly')], ...Object.entries(QUALIFIER_LABELS).map(([v, l]) => [v, l[lang]])];

/** The status line's text, kept as a function so that a language switch can redo it. */
let statusText = () => t('loading');
function setStatus(text) {
  statusText = text;
  $('summary-status').textContent = text();
}

/** The texts of the page itself (`data-i18n`), the toggle's state and `<html lang>`. */
function applyStaticTexts() {
  document.documentElement.lang = TAGS[lang];
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const button of document.querySelectorAll('.lang-toggle')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  $('report-title').textContent = report ? reportTitle() : t('loadingReport');
}

function setLanguage(next) {
  if (next === lang || !TEXTS[next]) return;
  lang = next;
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  applyStaticTexts();
  if (report) {
    // The findings' language is an option of the session: reopen it on the same text.
    const text = session.text();
    session.free();
    session = createSession(text, sessionOptions());
    renderAll();
  } else {
    $('summary-status').textContent = statusText();
  }
}

/** The report being edited, as the form reads it; `session` holds the same document as text. */
let report = null;
/** The naplint session on the report (see `edit`). */
let session = null;
/** The options of the session: the page's language, no line numbers in messages. */
const sessionOptions = () => ({ format: 'json', lang, lines: false });
/** Pointer of the deliverable on the form. */
let deliverablePointer = null;
/** Fields on the form by JSON Pointer: { control, errors, label }. */
const fields = new Map();
/** Blocks (fieldsets, rows) by JSON Pointer, for diagnostics about a whole object. */
const blocks = new Map();
let nextId = 0;

// ---------------------------------------------------------------- JSON Pointer helpers

const unescapeToken = (tok) => tok.replace(/~1/g, '/').replace(/~0/g, '~');
const escapeToken = (tok) => String(tok).replace(/~/g, '~0').replace(/\//g, '~1');
const tokens = (pointer) => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken));
const parentOf = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));
const child = (pointer, token) => `${pointer}/${escapeToken(token)}`;

function getAt(doc, pointer) {
  let node = doc;
  for (const tok of tokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[tok];
  }
  return node;
}

/** Sets (or, for `undefined`, removes) the value at `pointer`, creating objects on the way. */
function setAt(doc, pointer, value) {
  const path = tokens(pointer);
  const last = path.pop();
  let node = doc;
  for (const tok of path) {
    if (node[tok] === null || typeof node[tok] !== 'object') node[tok] = {};
    node = node[tok];
  }
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}

// ---------------------------------------------------------------- reading the report

const arr = (x) => (Array.isArray(x) ? x : []);

function* deliverables(doc) {
  for (const [i, pillar] of arr(doc?.pillars).entries()) {
    for (const [j, objective] of arr(pillar?.objectives).entries()) {
      for (const [k, task] of arr(objective?.tasks).entries()) {
        for (const [l, d] of arr(task?.deliverables).entries()) {
          yield { pointer: `/pillars/${i}/objectives/${j}/tasks/${k}/deliverables/${l}`, d };
        }
      }
    }
  }
}

const leadsOf = (d) => arr(d?.leads);

// ---------------------------------------------------------------- building fields

/** A labelled control with a hint and an error area, registered under `pointer`. */
function makeField({ pointer, label, control, hint }) {
  const id = `field-${nextId++}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  wrapper.dataset.pointer = pointer;
  const labelEl = document.createElement('label');
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  control.id = id;
  const errors = document.createElement('div');
  errors.className = 'errors';
  errors.id = `${id}-errors`;
  const describedBy = [];
  wrapper.append(labelEl, control);
  if (hint) {
    const hintEl = document.createElement('p');
    hintEl.className = 'hint';
    hintEl.id = `${id}-hint`;
    hintEl.textContent = hint;
    wrapper.append(hintEl);
    describedBy.push(hintEl.id);
  }
  wrapper.append(errors);
  describedBy.push(errors.id);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  fields.set(pointer, { control, errors, label, wrapper });
  return wrapper;
}

function textInput(value, attrs = {}) {
  const input = document.createElement('input');
  input.type = 'text';
  input.value = value === undefined || value === null ? '' : String(value);
  for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
  return input;
}

function select(options, value) {
  const el = document.createElement('select');
  for (const [v, text] of options) el.add(new Option(text, v));
  el.value = value;
  return el;
}

/** A text field bound to a string value (`''` removes it). */
function stringField(pointer, label, hint, attrs) {
  const input = textInput(getAt(report, pointer), attrs);
  input.addEventListener('input', () => edit(pointer, input.value === '' ? undefined : input.value));
  return makeField({ pointer, label, control: input, hint });
}

/** A count as typed: digits are a number, other text stays text (and gets a diagnostic). */
function parseCount(text) {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : text;
}

/** A figure: a count, optionally with a qualifier ("approximately 87"). */
function figureField(pointer, label) {
  const current = getAt(report, pointer);
  const isQualified = current !== null && typeof current === 'object' && !Array.isArray(current);
  const input = textInput(isQualified ? current.value : current, { inputmode: 'numeric', autocomplete: 'off' });
  const qualifier = select(qualifierOptions(), isQualified ? current.qualifier ?? '' : '');
  const wrapper = makeField({ pointer, label, control: input });
  const qid = `${input.id}-qualifier`;
  qualifier.id = qid;
  const qlabel = document.createElement('label');
  qlabel.htmlFor = qid;
  qlabel.className = 'visually-hidden';
  qlabel.textContent = t('qualifierOf', { label });
  wrapper.insertBefore(qlabel, input);
  wrapper.insertBefore(qualifier, input);
  wrapper.classList.add('figure');
  const update = () => {
    const value = parseCount(input.value);
    edit(pointer, qualifier.value && value !== undefined ? { value, qualifier: qualifier.value } : value);
  };
  input.addEventListener('input', update);
  qualifier.addEventListener('change', update);
  return wrapper;
}

function block(pointer, element) {
  let errors = element.querySelector(':scope > .errors');
  if (!errors) {
    errors = document.createElement('div');
    errors.className = 'errors';
    errors.id = `block-${nextId++}-errors`;
    const legend = element.querySelector(':scope > legend');
    if (legend) legend.after(errors);
    else element.prepend(errors);
  }
  const label = element.querySelector(':scope > legend')?.textContent ?? element.dataset.label;
  blocks.set(pointer, { element, errors, label });
}

// ---------------------------------------------------------------- the form

function unregister(prefix) {
  for (const map of [fields, blocks]) {
    for (const p of [...map.keys()]) if (p === prefix || p.startsWith(`${prefix}/`)) map.delete(p);
  }
}

function renderDepartments() {
  const sel = $('department');
  const previous = sel.value || report?.plan?.coordinator || '';
  sel.replaceChildren(new Option(t('allDepartments'), ''));
  for (const dep of Array.isArray(report.departments) ? report.departments : []) {
    if (typeof dep?.code === 'string') sel.add(new Option(`${dep.code} — ${dep.name ?? ''}`, dep.code));
  }
  sel.value = [...sel.options].some((o) => o.value === previous) ? previous : '';
}

function renderDeliverableChoices() {
  const sel = $('deliverable');
  const dept = $('department').value;
  sel.replaceChildren();
  for (const { pointer, d } of deliverables(report)) {
    if (dept && !leadsOf(d).includes(dept) && pointer !== deliverablePointer) continue;
    const text = typeof d?.text === 'string' ? d.text : '';
    sel.add(new Option(`${d?.id ?? '?'} — ${text.length > 70 ? `${text.slice(0, 69)}…` : text}`, pointer));
  }
  if (![...sel.options].some((o) => o.value === deliverablePointer)) {
    deliverablePointer = sel.options[0]?.value ?? null;
  }
  if (deliverablePointer) sel.value = deliverablePointer;
}

function renderDeliverable() {
  const box = $('deliverable-fields');
  unregister('/pillars');
  box.replaceChildren();
  const d = deliverablePointer ? getAt(report, deliverablePointer) : undefined;
  $('deliverable-text').textContent = d
    ? `${d.id ?? ''}: ${typeof d.text === 'string' ? d.text : ''}`
    : t('noDeliverable');
  if (!d) return;
  const p = deliverablePointer;
  block(p, $('deliverable-fieldset'));

  const status = getAt(report, `${p}/status`);
  const choices = [['', t('notReported')], ...statusOptions()];
  if (status !== undefined && !Object.hasOwn(STATUS_LABELS, String(status))) {
    choices.push([String(status), t('notInVocabulary', { value: status })]);
  }
  const statusSel = select(choices, status === undefined ? '' : String(status));
  statusSel.addEventListener('change', () => edit(`${p}/status`, statusSel.value || undefined));
  box.append(makeField({ pointer: `${p}/status`, label: t('status'), control: statusSel }));

  box.append(stringField(`${p}/start`, t('start'), t('yearHint'), { autocomplete: 'off' }));
  box.append(stringField(`${p}/target`, t('target'), t('targetHint'), { autocomplete: 'off' }));

  const leads = textInput(leadsOf(d).join(', '), { autocomplete: 'off' });
  leads.addEventListener('input', () => {
    edit(`${p}/leads`, leads.value.split(',').map((s) => s.trim()).filter(Boolean));
  });
  box.append(makeField({
    pointer: `${p}/leads`,
    label: t('leads'),
    control: leads,
    hint: t('leadsHint'),
  }));

  const isNew = document.createElement('input');
  isNew.type = 'checkbox';
  isNew.checked = d.new === true;
  isNew.addEventListener('change', () => edit(`${p}/new`, isNew.checked ? true : undefined));
  const newField = makeField({ pointer: `${p}/new`, label: t('isNew'), control: isNew });
  newField.classList.add('checkbox');
  box.append(newField);
}

function renderTrp() {
  unregister(TRP);
  const grid = $('trp-fields');
  grid.replaceChildren();
  const cumulative = getAt(report, TRP);
  block(TRP, $('trp-fieldset'));
  const period = cumulative?.period;
  $('trp-period').textContent = period ? t('period', { start: period.start ?? '?', end: period.end ?? '?' }) : '';
  for (const key of TRP_FIGURES) grid.append(figureField(child(TRP, key), t(key)));

  const list = $('countries');
  list.replaceChildren();
  const countriesPointer = child(TRP, 'top_countries_of_birth');
  block(countriesPointer, $('countries-fieldset'));
  const countries = Array.isArray(cumulative?.top_countries_of_birth) ? cumulative.top_countries_of_birth : [];
  countries.forEach((entry, i) => {
    const row = document.createElement('li');
    row.className = 'row';
    const rowPointer = child(countriesPointer, i);
    row.append(
      stringField(child(rowPointer, 'country'), t('country', { n: i + 1 }), null, { maxlength: '3', autocomplete: 'off', size: '4' }),
      figureField(child(rowPointer, 'count'), t('count', { n: i + 1 })),
    );
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t('removeCountry', { n: i + 1 });
    remove.addEventListener('click', () => {
      edit(rowPointer, undefined);
      renderTrp();
      check();
    });
    row.append(remove);
    row.dataset.label = t('country', { n: i + 1 });
    list.append(row);
    block(rowPointer, row);
  });
}

const reportTitle = () => (typeof report?.report?.title === 'string' ? report.report.title : t('untitled'));

function renderAll() {
  fields.clear();
  blocks.clear();
  $('report-title').textContent = reportTitle();
  renderDepartments();
  renderDeliverableChoices();
  renderDeliverable();
  renderTrp();
  check();
}

// ---------------------------------------------------------------- checking

/** The session's latest diagnostics, or the message of a failure to check. */
let current = { diagnostics: [] };

/**
 * One edit of the form: the in-memory report for the form's own reading, and one
 * `set` (or, for `undefined`, `remove`) in the session, whose diagnostics are shown.
 */
function edit(pointer, value) {
  setAt(report, pointer, value);
  try {
    current = { diagnostics: sessionEdit(pointer, value) };
  } catch (e) {
    current = { error: e instanceof NaplintError ? `${e.code}: ${e.message}` : String(e) };
  }
  document.body.dataset.edits = String(Number(document.body.dataset.edits ?? 0) + 1);
  show();
}

function sessionEdit(pointer, value) {
  try {
    return value === undefined ? session.remove(pointer) : session.set(pointer, value);
  } catch (e) {
    if (!(e instanceof NaplintError) || e.code !== 'invalid-edit') throw e;
    // Clearing a field that was already empty: nothing changed.
    if (e.kind === 'not-found') return session.diagnostics();
    // A parent the form created on the way (`setAt` makes objects): set the nearest
    // ancestor the document has, with what the form holds for it.
    if (e.kind === 'missing-parent' && pointer !== '') return sessionEdit(parentOf(pointer), getAt(report, parentOf(pointer)));
    throw e;
  }
}

/** Shows the session's current diagnostics (after a re-render of the form). */
function check() {
  current = { diagnostics: session.diagnostics() };
  show();
}

/**
 * Where a diagnostic is shown: its field, else its nearest block; and beside every field
 * of its `related` list (each figure of a failed reconciliation: R001 at `recipients`
 * also appears beside `male`, `female` and `minor_dependents`). The first place gets the
 * help and the fix button.
 */
function placesOf(d) {
  const places = [];
  const seen = new Set();
  const add = (pointer, place) => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    places.push({ ...place, pointer });
  };
  if (fields.has(d.pointer)) {
    add(d.pointer, fields.get(d.pointer));
  } else {
    for (let p = d.pointer; p !== ''; p = parentOf(p)) {
      if (blocks.has(p)) {
        add(p, blocks.get(p));
        break;
      }
    }
  }
  for (const p of d.related ?? []) {
    if (fields.has(p)) add(p, fields.get(p));
  }
  return places;
}

/** The BCP 47 tag of the findings' language, for screen readers. */
const findingsTag = () => TAGS[lang];

function diagnosticElement(d, related) {
  const el = document.createElement('div');
  el.lang = findingsTag();
  el.className = `diagnostic ${d.severity}`;
  el.dataset.code = d.code;
  const text = document.createElement('p');
  const sev = document.createElement('strong');
  sev.textContent = `${severityWord(d.severity)}${t('severityColon')}`;
  const code = document.createElement('code');
  code.textContent = d.code;
  text.append(sev, d.message, ' ', code);
  el.append(text);
  if (d.help && !related) {
    const help = document.createElement('p');
    help.className = 'help';
    help.textContent = d.help;
    el.append(help);
  }
  if (d.fix && !related) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fix';
    button.textContent = t('fixButton', { description: d.fix.description });
    button.addEventListener('click', () => applyFix(d.fix));
    el.append(button);
  }
  return el;
}

function applyFix(f) {
  edit(f.pointer, f.value);
  const focusPointer = f.pointer;
  renderAll();
  fields.get(focusPointer)?.control.focus();
}

function deliverableOf(pointer) {
  const m = /^\/pillars\/\d+\/objectives\/\d+\/tasks\/\d+\/deliverables\/\d+/.exec(pointer);
  return m ? m[0] : null;
}

function goTo(pointer) {
  const target = deliverableOf(pointer);
  if (target && target !== deliverablePointer) {
    deliverablePointer = target;
    const d = getAt(report, target);
    if ($('department').value && !leadsOf(d).includes($('department').value)) $('department').value = '';
    renderDeliverableChoices();
    renderDeliverable();
    check();
  }
  const f = fields.get(pointer) ?? placesOf({ pointer })[0];
  const el = f?.control ?? f?.element;
  if (el) {
    if (!el.hasAttribute('tabindex') && !f.control) el.setAttribute('tabindex', '-1');
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  }
}

function show() {
  if (current.error !== undefined) {
    const { error: message } = current;
    setStatus(() => t('cannotCheck', { message }));
    return;
  }
  const { diagnostics } = current;

  for (const f of fields.values()) {
    f.errors.replaceChildren();
    f.control.removeAttribute('aria-invalid');
    f.wrapper.classList.remove('has-error', 'has-warning');
  }
  for (const b of blocks.values()) b.errors.replaceChildren();

  const here = [];
  const elsewhere = [];
  for (const d of diagnostics) {
    const places = placesOf(d);
    for (const place of places) {
      place.errors.append(diagnosticElement(d, place !== places[0]));
      if (place.control && d.severity !== 'info') {
        place.control.setAttribute('aria-invalid', 'true');
        place.wrapper.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
      }
    }
    (places.length ? here : elsewhere).push({ d, place: places[0] });
  }

  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  const totals = { errors: count('error'), warnings: count('warning'), notes: count('info'), here: here.length };
  setStatus(diagnostics.length ? () => t('summary', totals) : () => t('noFindings'));

  const item = ({ d, place }) => {
    const li = document.createElement('li');
    li.className = d.severity;
    li.lang = findingsTag();
    li.dataset.code = d.code;
    const link = document.createElement('a');
    const target = place?.control ?? place?.element;
    link.href = target?.id ? `#${target.id}` : '#';
    // Where the finding is, in the form's words: a line of a file the user never sees
    // would mean nothing here.
    const deliverable = deliverableOf(d.pointer);
    const id = deliverable ? getAt(report, deliverable)?.id : undefined;
    const where = place?.label ?? (typeof id === 'string' ? `${t('deliverableLegend')} ${id}` : t('inReport'));
    link.textContent = t('summaryItem', { where, severity: severityWord(d.severity), code: d.code, message: d.message });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      goTo(place?.pointer ?? d.pointer);
    });
    li.append(link);
    if (!place) {
      const ptr = document.createElement('code');
      ptr.className = 'pointer';
      ptr.textContent = d.pointer || t('wholeDocument');
      li.append(' ', ptr);
    }
    return li;
  };
  $('summary-here').replaceChildren(...here.map(item));
  $('summary-elsewhere').replaceChildren(...elsewhere.map(item));
  document.body.dataset.checks = String(Number(document.body.dataset.checks ?? 0) + 1);
}

// ---------------------------------------------------------------- wiring

/** Opens a report: `text` when there is one (the session keeps it as written). */
function load(doc, text = JSON.stringify(doc, null, 2)) {
  report = doc;
  session?.free();
  session = createSession(text, sessionOptions());
  deliverablePointer = null;
  renderAll();
}

$('department').addEventListener('change', () => {
  deliverablePointer = null;
  renderDeliverableChoices();
  renderDeliverable();
  check();
});
$('deliverable').addEventListener('change', () => {
  deliverablePointer = $('deliverable').value;
  renderDeliverable();
  check();
});
$('add-country').addEventListener('click', () => {
  const listPointer = child(TRP, 'top_countries_of_birth');
  const list = getAt(report, listPointer);
  if (Array.isArray(list)) edit(child(listPointer, list.length), { country: '', count: 0 });
  else edit(listPointer, [{ country: '', count: 0 }]);
  renderTrp();
  check();
  const n = getAt(report, child(TRP, 'top_countries_of_birth')).length;
  fields.get(child(child(child(TRP, 'top_countries_of_birth'), n - 1), 'country'))?.control.focus();
});
for (const button of document.querySelectorAll('.lang-toggle')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
// The report file is written when asked for, from the session's text: not per keystroke.
$('download').addEventListener('click', () => {
  const download = $('download');
  if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([session.text()], { type: 'application/json' }));
});
$('fix-all').addEventListener('click', () => {
  const fixed = fix(session.text(), { format: 'json' });
  load(JSON.parse(fixed), fixed);
  const summary = statusText;
  setStatus(() => summary() + t('fixesApplied'));
});
$('load-file').addEventListener('change', async () => {
  const file = $('load-file').files?.[0];
  if (!file) return;
  const text = await file.text();
  try {
    load(JSON.parse(text));
  } catch (e) {
    // The first finding explains why (in the current language; not redone on a switch).
    const message = validate(text, { lang })[0]?.message ?? e.message;
    setStatus(() => t('notAReport', { file: file.name, message }));
  }
});

$('naplint-version').textContent = version();
applyStaticTexts();
try {
  const response = await fetch(SEED_URL);
  if (!response.ok) throw new Error(`${SEED_URL}: HTTP ${response.status}`);
  load(await response.json());
  document.body.dataset.ready = 'true';
} catch (e) {
  setStatus(() => t('cannotLoad', { message: e.message }));
  document.body.dataset.ready = 'error';
  throw e;
}
