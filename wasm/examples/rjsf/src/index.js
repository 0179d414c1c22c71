import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { init, schema, validate, toRjsfErrorSchema } from 'naplint';

// The part of the report this form edits, and its schema from naplint's report schema.
const AT = '/statistics/trp/cumulative';

/** TrpCumulative, with each figure as a plain integer and the countries inlined. */
function formSchema() {
  const { $defs } = schema();
  const figure = (p) => ({ type: 'integer', minimum: 0, title: p, description: $defs.TrpCumulative.properties[p].description });
  const { country, count } = $defs.CountryCount.properties;
  return {
    type: 'object',
    title: 'Cumulative TRP statistics',
    properties: {
      ...Object.fromEntries(['permits_issued', 'recipients', 'male', 'female', 'minor_dependents'].map((p) => [p, figure(p)])),
      top_countries_of_birth: {
        type: 'array',
        title: 'top_countries_of_birth',
        items: {
          type: 'object',
          properties: {
            country: { ...$defs.CountryCode, title: 'country', description: country.description },
            count: { type: 'integer', minimum: 0, title: 'count', description: count.description },
          },
        },
      },
    },
  };
}

function App({ report, schema: formSchema }) {
  const [data, setData] = useState(report.statistics.trp.cumulative);
  // naplint checks the whole report with the form's part in it; `lines: false` words
  // messages by field, as a form's user never sees the file's lines.
  const extraErrors = useMemo(() => {
    const doc = structuredClone(report);
    doc.statistics.trp.cumulative = data;
    return toRjsfErrorSchema(validate(doc, { lines: false }), { base: AT });
  }, [report, data]);
  return h(Form, {
    schema: formSchema,
    validator,
    formData: data,
    extraErrors,
    showErrorList: false,
    onChange: (e) => setData(e.formData),
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
