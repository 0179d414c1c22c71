// Every text of the demo form in English and Canadian French (the terminology of the
// report's French edition). The findings themselves come from naplint in the chosen
// language (`validate(text, { lang })`); these are the form's own labels.
//
// STATUS_LABELS and QUALIFIER_LABELS are naplint's own display labels
// (`naplint::i18n::status_label` and `qualifier_label`): a test of the wasm crate
// (`the_demo_uses_naplint_labels`) fails when they differ. Keep one entry per line.

/** The two official languages, with their BCP 47 tags (for `lang` attributes). */
export const TAGS = { en: 'en-CA', fr: 'fr-CA' };

/** The name of each language in itself, for the toggle. */
export const AUTONYMS = { en: 'English', fr: 'Français' };

/** The status vocabulary, in the order of the chart. */
export const STATUS_LABELS = {
  planned: { en: "planned", fr: "prévu" },
  not_started: { en: "not started", fr: "non commencé" },
  in_progress: { en: "in progress", fr: "en cours" },
  on_track: { en: "on track", fr: "en bonne voie" },
  ongoing: { en: "ongoing", fr: "continu" },
  complete: { en: "complete", fr: "terminé" },
  delayed: { en: "delayed", fr: "retardé" },
  discontinued: { en: "discontinued", fr: "abandonné" },
};

/** Qualifiers of a figure ("approximately 87"); the empty one is an exact figure. */
export const QUALIFIER_LABELS = {
  approximately: { en: "approximately", fr: "environ" },
  over: { en: "over", fr: "plus de" },
  at_least: { en: "at least", fr: "au moins" },
  up_to: { en: "up to", fr: "jusqu'à" },
  under: { en: "under", fr: "moins de" },
};

/**
 * The form's texts. A value is a string, or a function of named arguments for texts
 * with numbers or names in them. Both languages have the same keys (tested).
 */
export const TEXTS = {
  en: {
    pageTitle: 'Annual update — naplint demo',
    skip: 'Skip to the findings',
    heading: 'Annual update on progress',
    plan: 'National Action Plan to Combat Human Trafficking — ',
    loadingReport: 'loading the report…',
    untitled: '(untitled report)',
    checkedBy: 'Every change is checked in your browser by',
    sameRules: ', with the same rules as the CI check.',
    openFile: 'Open another report (JSON)',
    fixAll: 'Apply all fixes',
    download: 'Download report.json',
    deliverableLegend: 'Deliverable',
    department: 'Department',
    departmentHint: 'Lists the deliverables this department leads.',
    allDepartments: 'All departments',
    deliverable: 'Deliverable',
    noDeliverable: 'This department leads no deliverable.',
    status: 'Status',
    notReported: '(not reported)',
    notInVocabulary: ({ value }) => `${value} (not in the vocabulary)`,
    start: 'Start',
    target: 'Target',
    yearHint: 'Fiscal year as YYYY/YY, for example 2013/14.',
    targetHint: 'Fiscal year as YYYY/YY, for example 2013/14. Needed when the status is on track.',
    leads: 'Leads',
    leadsHint: 'Department codes separated by commas, for example PS, RCMP.',
    isNew: 'New this year',
    trpLegend: 'Temporary resident permits (TRPs) to victims: cumulative statistics',
    period: ({ start, end }) => `Period: ${start} to ${end}.`,
    permits_issued: 'Permits issued',
    recipients: 'Recipients',
    male: 'Male',
    female: 'Female',
    minor_dependents: 'Minor dependents',
    exactly: 'exactly',
    qualifierOf: ({ label }) => `${label}: qualifier`,
    countriesLegend: 'Top countries of birth',
    countriesHint: 'ISO 3166-1 alpha-2 codes (TH, HU, …), largest count first.',
    country: ({ n }) => `Country ${n}`,
    count: ({ n }) => `Count ${n}`,
    removeCountry: ({ n }) => `Remove country ${n}`,
    addCountry: 'Add a country',
    findings: 'Findings',
    loading: 'Loading…',
    onThisForm: 'On this form',
    elsewhere: 'Elsewhere in the report',
    error: 'Error',
    warning: 'Warning',
    info: 'Note',
    severityColon: ': ',
    fixButton: ({ description }) => `Fix: ${description}`,
    summary: ({ errors, warnings, notes, here }) =>
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ` +
      `${notes} note${notes === 1 ? '' : 's'} in the report; ${here} on this form.`,
    noFindings: 'No findings: the report passes every check.',
    fixesApplied: ' (fixes applied)',
    inReport: 'In the report',
    summaryItem: ({ where, severity, code, message }) => `${where} — ${severity} ${code}: ${message}`,
    wholeDocument: '(document)',
    cannotCheck: ({ message }) => `naplint could not check the report: ${message}`,
    notAReport: ({ file, message }) => `${file} is not a JSON report this form can edit: ${message}`,
    cannotLoad: ({ message }) => `Could not load the seed report: ${message}`,
  },
  fr: {
    pageTitle: 'Mise à jour annuelle — démonstration de naplint',
    skip: 'Passer aux constats',
    heading: 'Mise à jour annuelle sur les progrès',
    plan: 'Plan d\'action national de lutte contre la traite de personnes — ',
    loadingReport: 'chargement du rapport…',
    untitled: '(rapport sans titre)',
    checkedBy: 'Chaque modification est vérifiée dans votre navigateur par',
    sameRules: ', avec les mêmes règles que la vérification en intégration continue.',
    openFile: 'Ouvrir un autre rapport (JSON)',
    fixAll: 'Appliquer tous les correctifs',
    download: 'Télécharger report.json',
    deliverableLegend: 'Livrable',
    department: 'Ministère',
    departmentHint: 'Affiche les livrables dont ce ministère est responsable.',
    allDepartments: 'Tous les ministères',
    deliverable: 'Livrable',
    noDeliverable: 'Ce ministère n\'est responsable d\'aucun livrable.',
    status: 'Statut',
    notReported: '(non déclaré)',
    notInVocabulary: ({ value }) => `${value} (hors vocabulaire)`,
    start: 'Exercice de début',
    target: 'Exercice cible',
    yearHint: 'Exercice financier au format AAAA/AA, par exemple 2013/14.',
    targetHint: 'Exercice financier au format AAAA/AA, par exemple 2013/14. Obligatoire lorsque le statut est « en bonne voie ».',
    leads: 'Ministères responsables',
    leadsHint: 'Codes de ministère séparés par des virgules, par exemple PS, RCMP.',
    isNew: 'Nouveau cette année',
    trpLegend: 'Permis de séjour temporaire (PST) délivrés aux victimes : statistiques cumulatives',
    period: ({ start, end }) => `Période : du ${start} au ${end}.`,
    permits_issued: 'Permis délivrés',
    recipients: 'Bénéficiaires',
    male: 'Hommes',
    female: 'Femmes',
    minor_dependents: 'Personnes à charge mineures',
    exactly: 'exactement',
    qualifierOf: ({ label }) => `${label} : qualificatif`,
    countriesLegend: 'Principaux pays de naissance',
    countriesHint: 'Codes ISO 3166-1 alpha-2 (TH, HU, …), du plus grand nombre au plus petit.',
    country: ({ n }) => `Pays ${n}`,
    count: ({ n }) => `Nombre ${n}`,
    removeCountry: ({ n }) => `Retirer le pays ${n}`,
    addCountry: 'Ajouter un pays',
    findings: 'Constats',
    loading: 'Chargement…',
    onThisForm: 'Dans ce formulaire',
    elsewhere: 'Ailleurs dans le rapport',
    error: 'Erreur',
    warning: 'Avertissement',
    info: 'Note',
    severityColon: '\u00a0: ',
    fixButton: ({ description }) => `Corriger : ${description}`,
    // French: 0 and 1 take the singular.
    summary: ({ errors, warnings, notes, here }) =>
      `${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''}, ` +
      `${notes} note${notes > 1 ? 's' : ''} dans le rapport; ${here} dans ce formulaire.`,
    noFindings: 'Aucun constat : le rapport satisfait à toutes les vérifications.',
    fixesApplied: ' (correctifs appliqués)',
    inReport: 'Dans le rapport',
    summaryItem: ({ where, severity, code, message }) => `${where} — ${severity} ${code} : ${message}`,
    wholeDocument: '(document)',
    cannotCheck: ({ message }) => `naplint n'a pas pu vérifier le rapport : ${message}`,
    notAReport: ({ file, message }) => `${file} n'est pas un rapport JSON que ce formulaire peut modifier : ${message}`,
    cannotLoad: ({ message }) => `Impossible de charger le rapport de départ : ${message}`,
  },
};

/** A label with its first letter capitalised, for lists ("En bonne voie"). */
export const capitalised = (s) => (s ? s[0].toLocaleUpperCase() + s.slice(1) : s);
