// A small consumer of the package's types: `tsc -p test/tsconfig.json` must accept it,
// and the lines marked @ts-expect-error must stay errors.
import {
  validate,
  fix,
  rules,
  explain,
  schema,
  version,
  NaplintError,
  createSession,
  type Diagnostic,
  type EditErrorKind,
  type Session,
  type Fix,
  type Options,
  type RuleInfo,
  type Severity,
} from 'naplint';

const options: Options = {
  format: 'yaml',
  tolerance: 0.1,
  select: ['P', 'R001'],
  ignore: ['P016'],
  lang: 'fr',
  rules: { P004: 'off', 'idle-department': 'info' },
  config: { rules: { R003: 'warning' } },
  rule: [
    {
      code: 'U001',
      scope: '/statistics/trp/cumulative',
      check: 'male <= recipients',
      severity: 'warning',
      message: 'more men than recipients',
    },
  ],
};

const diagnostics: Diagnostic[] = validate('format_version: "1"\n', options);
const fromObject: Diagnostic[] = validate({ format_version: '1' });
const fromBytes: Diagnostic[] = validate(new TextEncoder().encode('{}'));

function describe(d: Diagnostic): string {
  const severity: Severity = d.severity;
  const where = `${d.line}:${d.column} (UTF-16 ${d.column_utf16}-${d.end_column_utf16})`;
  const help: string = d.help ?? '';
  const fixable: Fix | null = d.fix;
  const label = fixable ? `${fixable.description} at ${fixable.pointer}` : 'no fix';
  const related: string[] = d.related ?? [];
  return `${severity} ${d.code} ${d.name} ${d.pointer} ${where}: ${d.message} ${help} ${label} ${related.join(' ')}`;
}

const summary: string[] = [...diagnostics, ...fromObject, ...fromBytes].map(describe);
const fixed: string = fix('{"format_version": "1"}', { format: 'json' });
const all: RuleInfo[] = rules({ rules: { P016: 'error' } });
const levels = all.map((r) => `${r.code} ${r.title} ${r.family} ${r.level} ${r.fixable ? 'fix' : ''}`);
const docs: string | null = explain('R001');
const id: unknown = schema()['$id'];
const v: string = version();

try {
  validate('{}', { tolerance: 2 });
} catch (e) {
  if (e instanceof NaplintError) {
    const code: 'invalid-options' | 'invalid-argument' | 'invalid-edit' | 'not-initialized' | 'internal' = e.code;
    const where = (e.details ?? []).map((p) => `${p.code} ${p.line}:${p.column} ${p.message}`);
    console.log(code, e.message, where);
  }
}

const session: Session = createSession(JSON.parse(fixed), { lang: 'fr' });
const afterSet: Diagnostic[] = session.set('/report/fiscal_year', '2013/14');
const afterRemove: Diagnostic[] = session.remove('/report/fiscal_year');
const current: string = session.text();
try {
  session.set('/missing/parent', { value: 1, qualifier: 'approximately' });
} catch (e) {
  if (e instanceof NaplintError && e.code === 'invalid-edit') {
    const kind: EditErrorKind | undefined = e.kind;
    console.log(kind, e.pointer);
  }
}
console.log(afterSet, afterRemove, current, session.diagnostics().length);
session.free();
// @ts-expect-error: a value must be JSON
session.set('/a', () => 1);
// @ts-expect-error: remove takes only a pointer
session.remove('/a', 1);

// @ts-expect-error: format is json or yaml
validate('{}', { format: 'toml' });
// @ts-expect-error: rule levels are error, warning, info or off
validate('{}', { rules: { P004: 'loud' } });
// @ts-expect-error: unknown option
validate('{}', { tolerence: 0.1 });
// @ts-expect-error: a user rule needs a check
validate('{}', { rule: [{ code: 'U002' }] });
// @ts-expect-error: English or French
validate('{}', { lang: 'de' });
// @ts-expect-error: fix returns a string
const notDiagnostics: Diagnostic[] = fix('{}');
// @ts-expect-error: related may be absent
const alwaysRelated: string[] = diagnostics[0].related;
// @ts-expect-error: explain may return null
const alwaysDocs: string = explain('P005');

console.log(summary, fixed, levels, docs, id, v, notDiagnostics, alwaysRelated, alwaysDocs);

// Department submissions (issue 11).
import { validateSubmission, type SubmissionOptions } from 'naplint';
const submissionOptions: SubmissionOptions = { lang: 'fr', others: ['kind: submission\n'] };
const fromSubmission: Diagnostic[] = validateSubmission('kind: submission\n', { kind: 'base' }, submissionOptions);
void fromSubmission;
// @ts-expect-error the base is required
validateSubmission('kind: submission\n');
