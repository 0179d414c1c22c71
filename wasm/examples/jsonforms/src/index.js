import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { init, schema, validate, toJsonFormsErrors } from 'naplint';

// The part of the report this form edits, and its schema from naplint's report schema.
const AT = '/statistics/trp/cumulative';

/** TrpCumulative's figures, each as a plain integer. */
function formSchema() {
  const { $defs } = schema();
  const figure = (p) => ({ type: 'integer', minimum: 0, description: $defs.TrpCumulative.properties[p].description });
  return {
    type: 'object',
    properties: Object.fromEntries(['permits_issued', 'recipients', 'male', 'female', 'minor_dependents'].map((p) => [p, figure(p)])),
  };
}

function App({ report, schema: formSchema }) {
  const [data, setData] = useState(report.statistics.trp.cumulative);
  const additionalErrors = useMemo(() => {
    const doc = structuredClone(report);
    doc.statistics.trp.cumulative = data;
    return toJsonFormsErrors(validate(doc, { lines: false }), { base: AT });
  }, [report, data]);
  return h(JsonForms, {
    schema: formSchema,
    data,
    renderers: vanillaRenderers,
    cells: vanillaCells,
    additionalErrors,
    onChange: ({ data: next }) => setData(next),
  });
}

async function main() {
  const report = await (await fetch('./report.json')).json();
  await init();
  createRoot(document.getElementById('form')).render(h(App, { report, schema: formSchema() }));
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = `error: ${e.message}`;
});
