// A department's form: the coordinator's base (the seed split by `naplint split`, in
// data/2013-14/), a department chosen in a select, and that department's submission:
// every deliverable it leads (status, start, target, new, items) and every statistics
// section and funding entry it owns. Each edit changes the submission in memory and
// re-runs `validateSubmission(submission, base, { others })`; each finding is shown
// beside the field its JSON Pointer designates (or the nearest enclosing block), with
// the field's `aria-describedby` naming it. Other departments' submissions loaded from
// files go in `others`, so a co-lead's conflicting value shows as A001. The download is
// the department's submission, not the report. Texts: DEPT_TEXTS in i18n.js.
import init, { initDepartment, validateSubmission, version } from '../npm/lib/browser.js';
import { TAGS, STATUS_LABELS, DEPT_TEXTS, FIELD_LABELS, capitalised } from './i18n.js';

const DATA = 'data/2013-14/';
const $ = (id) => document.getElementById(id);

let lang = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';
function t(key, args = {}) {
  const text = DEPT_TEXTS[lang][key] ?? DEPT_TEXTS.en[key];
  return typeof text === 'function' ? text(args) : text;
}

/** The base (object and its text), the department, its submission, the others loaded. */
let base;
let baseText;
let department;
let submission;
/** @type {{ name: string, text: string, department: string | null }[]} */
let others = [];
let downloadUrl;

// ---------------------------------------------------------------- JSON Pointers

const unescape = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segments = (pointer) => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescape));
const parent = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));

function setAt(doc, pointer, value) {
  const keys = segments(pointer);
  let node = doc;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

// ---------------------------------------------------------------- the base

/** Every deliverable of the base, in report order. */
function baseDeliverables() {
  const out = [];
  for (const pillar of base.pillars ?? [])
    for (const objective of pillar.objectives ?? [])
      for (const task of objective.tasks ?? []) for (const d of task.deliverables ?? []) out.push(d);
  return out;
}

const departmentName = (code) => base.departments.find((d) => d.code === code)?.name ?? code;

/** The departments that lead a deliverable or have a file in the split seed. */
function departments() {
  return base.departments.map((d) => d.code);
}

/** Whether `split` wrote a file for the department: it leads or owns something. */
function hasPart(code) {
  const owns = (v) => (Array.isArray(v) ? v.flat().includes(code) : v === code);
  return baseDeliverables().some((d) => (d.leads ?? []).includes(code))
    || Object.values(base.layout ?? {}).some(owns)
    || Object.values(base.owners ?? {}).some(owns)
    || base.plan?.coordinator === code;
}

/** The department's submission: its file from the split seed, else one built from the base. */
async function loadSubmission(code) {
  if (hasPart(code)) {
    const response = await fetch(`${DATA}${code.toLowerCase()}.json`);
    if (response.ok) return response.json();
    await response.body?.cancel();
  }
  return {
    kind: 'submission',
    department: code,
    plan: base.plan.id,
    fiscal_year: base.report.fiscal_year,
    deliverables: [],
  };
}

/** Adds an entry (by id) for every deliverable the department leads that has none. */
function completeDeliverables() {
  submission.deliverables ??= [];
  for (const d of baseDeliverables()) {
    if ((d.leads ?? []).includes(department) && !submission.deliverables.some((s) => s.id === d.id)) {
      submission.deliverables.push({ id: d.id });
    }
  }
}

// ---------------------------------------------------------------- building the form

/** Field and block registries, pointer -> elements, rebuilt with the form. */
let fields = new Map();
let blocks = new Map();
let nextId = 0;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

/** A fieldset for the value at `pointer`, with a place for the findings on it. */
function block(legend, pointer, ...children) {
  const errors = el('div', { class: 'errors' });
  const fieldset = el('fieldset', { 'data-pointer': pointer }, el('legend', { text: legend }), ...children, errors);
  blocks.set(pointer, { errors, fieldset });
  return fieldset;
}

/**
 * One labelled control for the value at `pointer`. `kind`: `status` (select), `year`,
 * `text`, `number` (text; kept a number when it reads as one), `new` or `bool` (checkbox).
 */
function field(label, pointer, kind, value, hint) {
  const id = `f${nextId++}`;
  const hintId = hint ? `${id}-hint` : undefined;
  let control;
  if (kind === 'status') {
    control = el('select', { id });
    control.append(el('option', { value: '', text: t('notReported') }));
    const known = Object.keys(STATUS_LABELS);
    for (const [v, l] of Object.entries(STATUS_LABELS)) control.append(el('option', { value: v, text: capitalised(l[lang]) }));
    if (value !== undefined && !known.includes(value)) {
      control.append(el('option', { value: String(value), text: t('notInVocabulary', { value: String(value) }) }));
    }
    control.value = value === undefined ? '' : String(value);
  } else if (kind === 'new' || kind === 'bool') {
    control = el('input', { id, type: 'checkbox' });
    control.checked = value === true;
  } else {
    control = el('input', { id, type: 'text', autocomplete: 'off' });
    control.value = value === undefined || value === null ? '' : String(value);
  }
  control.dataset.pointer = pointer;
  control.dataset.kind = kind;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const errors = el('div', { class: 'errors' });
  const label_ = el('label', { for: id, text: label });
  const checkbox = kind === 'new' || kind === 'bool';
  const wrapper = el('div', { class: checkbox ? 'field checkbox' : 'field' }, label_, control);
  if (hint) wrapper.insertBefore(el('p', { class: 'hint', id: hintId, text: hint }), checkbox ? null : control);
  wrapper.append(errors);
  fields.set(pointer, { control, errors, wrapper, hintId });
  return wrapper;
}

const isScalar = (v) => v === null || typeof v !== 'object';

/** Statistics and funding, as they are: a fieldset per object or list, a field per value. */
function generic(legend, value, pointer) {
  const children = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const ptr = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const name = Array.isArray(value) ? t('entry', { n: Number(key) + 1 }) : (FIELD_LABELS[key]?.[lang] ?? key);
    if (isScalar(child)) {
      const kind = typeof child === 'boolean' ? 'bool' : typeof child === 'number' ? 'number' : 'text';
      children.push(field(name, ptr, kind, child));
    } else {
      children.push(generic(name, child, ptr));
    }
  }
  return block(legend, pointer, ...children);
}

function renderForm() {
  fields = new Map();
  blocks = new Map();
  nextId = 0;
  const form = $('form');
  form.replaceChildren();
  const texts = new Map(baseDeliverables().map((d) => [d.id, d]));

  const head = block(t('submissionLegend', { name: departmentName(department) }), '',
    el('p', { text: t('header', { plan: String(submission.plan ?? ''), year: String(submission.fiscal_year ?? '') }) }));
  form.append(head);

  const list = [];
  (submission.deliverables ?? []).forEach((d, i) => {
    const ptr = `/deliverables/${i}`;
    const known = texts.get(d.id);
    const children = [el('p', { class: 'quote', text: known?.text ?? t('unknownDeliverable') })];
    children.push(field(t('status'), `${ptr}/status`, 'status', d.status));
    children.push(field(t('start'), `${ptr}/start`, 'year', d.start, t('yearHint')));
    children.push(field(t('target'), `${ptr}/target`, 'year', d.target, t('targetHint')));
    children.push(field(t('isNew'), `${ptr}/new`, 'new', d.new));
    const count = Math.max(known?.items?.length ?? 0, d.items?.length ?? 0);
    for (let k = 0; k < count; k++) {
      const item = d.items?.[k] ?? {};
      const iptr = `${ptr}/items/${k}`;
      children.push(block(t('item', { n: k + 1 }), iptr,
        el('p', { class: 'quote', text: known?.items?.[k]?.text ?? '' }),
        field(t('status'), `${iptr}/status`, 'status', item.status),
        field(t('start'), `${iptr}/start`, 'year', item.start, t('yearHint')),
        field(t('target'), `${iptr}/target`, 'year', item.target, t('yearHint'))));
    }
    list.push(block(t('deliverable', { id: String(d.id) }), ptr, ...children));
  });
  form.append(block(t('deliverablesLegend'), '/deliverables',
    ...(list.length ? list : [el('p', { text: t('noDeliverable') })])));

  if (submission.statistics && typeof submission.statistics === 'object') {
    form.append(generic(t('statisticsLegend'), submission.statistics, '/statistics'));
  }
  if (Array.isArray(submission.funding) && submission.funding.length) {
    form.append(generic(t('fundingLegend'), submission.funding, '/funding'));
  }
}

/** Ensures the containers above `pointer` exist (an item of a deliverable without items). */
function ensureParents(pointer) {
  const keys = segments(pointer);
  let node = submission;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    if (node[key] === undefined || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  }
  // A list of items grows to the position edited, with empty items before it.
  if (Array.isArray(node)) for (let i = node.length; i < Number(keys[keys.length - 1]); i++) node[i] = {};
}

function onEdit(event) {
  const control = event.target;
  const { pointer, kind } = control.dataset;
  if (!pointer) return;
  let value;
  if (kind === 'new') value = control.checked ? true : undefined;
  else if (kind === 'bool') value = control.checked;
  else if (control.value === '') value = undefined;
  else if (kind === 'number' && /^-?\d+(\.\d+)?$/.test(control.value.trim())) value = Number(control.value);
  else value = control.value;
  if (value !== undefined) ensureParents(pointer);
  // Item positions count: a removed item value leaves `{}` in place.
  if (value !== undefined || parentExists(pointer)) setAt(submission, pointer, value);
  check();
}

function parentExists(pointer) {
  let node = submission;
  for (const key of segments(parent(pointer))) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = node[key];
  }
  return node !== null && typeof node === 'object';
}

// ---------------------------------------------------------------- findings

function severityWord(s) {
  return ['error', 'warning', 'info'].includes(s) ? t(s) : s;
}

/** The field or block nearest to `pointer`. */
function placeOf(pointer) {
  for (let p = pointer; ; p = parent(p)) {
    if (fields.has(p)) return { field: fields.get(p), pointer: p };
    if (blocks.has(p)) return { block: blocks.get(p), pointer: p };
    if (p === '') return { block: blocks.get(''), pointer: '' };
  }
}

function check() {
  const diagnostics = validateSubmission(submission, baseText, {
    others: others.filter((o) => o.department !== department).map((o) => o.text),
    lang,
    lines: false,
  });
  for (const { control, errors, wrapper, hintId } of fields.values()) {
    errors.replaceChildren();
    if (hintId) control.setAttribute('aria-describedby', hintId);
    else control.removeAttribute('aria-describedby');
    control.removeAttribute('aria-invalid');
    wrapper.classList.remove('has-warning');
  }
  for (const { errors } of blocks.values()) errors.replaceChildren();

  const summary = $('summary-list');
  summary.replaceChildren();
  diagnostics.forEach((d, k) => {
    const id = `finding-${k}`;
    const box = el('div', { class: `diagnostic ${d.severity}`, id, 'data-code': d.code, lang: TAGS[lang] },
      el('p', {}, el('strong', { text: `${severityWord(d.severity)} ${d.code}` }), ` ${d.message}`));
    if (d.help) box.append(el('p', { class: 'help', text: d.help }));
    const place = placeOf(d.pointer);
    let target;
    if (place.field) {
      const { control, errors, wrapper } = place.field;
      errors.append(box);
      const described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
      if (d.severity === 'error' || d.severity === 'warning') {
        if (d.severity === 'warning' && control.getAttribute('aria-invalid') !== 'true') wrapper.classList.add('has-warning');
        if (d.severity === 'error') wrapper.classList.remove('has-warning');
        control.setAttribute('aria-invalid', 'true');
      }
      target = control;
    } else {
      place.block.errors.append(box);
      target = place.block.fieldset;
      target.setAttribute('tabindex', '-1');
    }
    // Beside every other field of this submission its `related` list names (R001's terms).
    (d.related ?? []).filter((r) => !r.includes('#') && r !== place.pointer && fields.has(r)).forEach((r, j) => {
      const { control, errors } = fields.get(r);
      const rid = `${id}-related-${j}`;
      errors.append(el('div', { class: `diagnostic ${d.severity}`, id: rid, 'data-code': d.code, lang: TAGS[lang] },
        el('p', {}, el('strong', { text: `${severityWord(d.severity)} ${d.code}` }), ` ${d.message}`)));
      const described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', described ? `${described} ${rid}` : rid);
    });
    const link = el('a', { href: `#${target.id || id}`, text: `${severityWord(d.severity)} ${d.code}: ${d.message}` });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      target.focus();
    });
    summary.append(el('li', { class: d.severity, lang: TAGS[lang] }, link));
  });
  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  $('summary-status').textContent = diagnostics.length
    ? t('summary', { errors: count('error'), warnings: count('warning'), infos: count('info') })
    : t('noFindings');
  updateDownload();
}

function updateDownload() {
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  const text = `${JSON.stringify(submission, null, 2)}\n`;
  downloadUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = $('download');
  a.href = downloadUrl;
  a.download = `${department.toLowerCase()}.json`;
  a.textContent = t('download', { file: a.download });
}

// ---------------------------------------------------------------- other submissions

/** The department a submission names, JSON or YAML (for the list and to leave out one's own). */
function departmentOf(text) {
  try {
    const value = JSON.parse(text);
    return typeof value?.department === 'string' ? value.department : null;
  } catch {
    const m = /^department:\s*["']?([^"'\s#]+)/m.exec(text);
    return m ? m[1] : null;
  }
}

function renderOthers() {
  const list = $('others-list');
  list.setAttribute('aria-label', t('othersList'));
  list.replaceChildren(...others.map((o) => el('li', {
    text: o.department === department
      ? t('othersSame', { file: o.name })
      : t('othersLoaded', { file: o.name, department: o.department ?? '?' }),
  })));
  if (!others.length) list.append(el('li', { text: t('othersNone') }));
}

async function onOthers(event) {
  for (const file of event.target.files) {
    const text = await file.text();
    others = others.filter((o) => o.name !== file.name);
    others.push({ name: file.name, text, department: departmentOf(text) });
  }
  event.target.value = '';
  renderOthers();
  check();
}

// ---------------------------------------------------------------- language and start

function applyTexts() {
  document.documentElement.lang = TAGS[lang];
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const button of document.querySelectorAll('.lang-toggle')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  $('report-link').href = lang === 'fr' ? 'index.html?lang=fr' : 'index.html';
  const select = $('department');
  for (const option of select.options) option.textContent = `${option.value} — ${departmentName(option.value)}`;
}

async function chooseDepartment(code) {
  department = code;
  submission = await loadSubmission(code);
  completeDeliverables();
  renderForm();
  renderOthers();
  check();
}

async function start() {
  // The report module (version) and the department's (validateSubmission), in parallel.
  await Promise.all([init(), initDepartment()]);
  $('naplint-version').textContent = version();
  baseText = await (await fetch(`${DATA}base.json`)).text();
  base = JSON.parse(baseText);
  const select = $('department');
  for (const code of departments()) select.append(el('option', { value: code }));
  const wanted = new URLSearchParams(location.search).get('department');
  select.value = departments().includes(wanted) ? wanted : base.plan.coordinator ?? departments()[0];
  applyTexts();
  select.addEventListener('change', async () => {
    await chooseDepartment(select.value);
    document.body.dataset.department = department;
  });
  $('form').addEventListener('input', onEdit);
  $('form').addEventListener('submit', (e) => e.preventDefault());
  $('others-file').addEventListener('change', onOthers);
  $('others-clear').addEventListener('click', () => {
    others = [];
    renderOthers();
    check();
  });
  for (const button of document.querySelectorAll('.lang-toggle')) {
    button.addEventListener('click', () => {
      lang = button.dataset.lang;
      const url = new URL(location.href);
      if (lang === 'fr') url.searchParams.set('lang', 'fr');
      else url.searchParams.delete('lang');
      history.replaceState(null, '', url);
      applyTexts();
      renderForm();
      renderOthers();
      check();
    });
  }
  await chooseDepartment(select.value);
  document.body.dataset.department = department;
  document.body.dataset.ready = 'yes';
}

start().catch((e) => {
  document.body.dataset.ready = `error: ${e && e.message ? e.message : e}`;
  $('summary-status').textContent = String(e && e.message ? e.message : e);
  throw e;
});
