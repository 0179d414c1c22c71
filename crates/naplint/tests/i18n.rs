//! Both official languages: every text in English and French with the same placeholders,
//! French documentation for every rule, and the seed's findings reading in French.

#![allow(clippy::disallowed_methods)]

use naplint::i18n::{money, number, placeholders, Lang, Text};
use naplint::model::status_label;
use naplint::model::Status;
use naplint::registry::RULES;
use naplint::{Config, Linter, SourceFormat};

fn all_texts() -> Vec<(String, Text)> {
    let mut out = Vec::new();
    for r in RULES {
        out.extend(r.texts.iter().map(|t| (r.code.to_owned(), *t)));
        for c in r.checks {
            out.push((r.code.to_owned(), c.message));
            out.extend(c.help.map(|h| (r.code.to_owned(), h)));
        }
    }
    for shared in naplint::rules::SHARED_TEXTS {
        out.extend(shared.iter().map(|t| ("shared".to_owned(), *t)));
    }
    out.extend(
        naplint::schema::VALIDATOR_TEXTS
            .iter()
            .map(|t| ("validator".to_owned(), *t)),
    );
    out.extend(
        naplint::lang::RULE_ERROR_TEXTS
            .iter()
            .map(|t| ("rule errors".to_owned(), *t)),
    );
    out.extend(
        naplint::config::TEXTS
            .iter()
            .map(|t| ("configuration".to_owned(), *t)),
    );
    out.extend(
        naplint::lang::EXPLANATION_TEXTS
            .iter()
            .map(|t| ("rule language".to_owned(), *t)),
    );
    for (owner, texts) in [
        ("rule budget", naplint::lang::TEXTS),
        ("submissions", naplint::submission::TEXTS),
        ("sessions", naplint::session::TEXTS),
    ] {
        out.extend(texts.iter().map(|t| (owner.to_owned(), *t)));
    }
    out
}

#[test]
fn every_text_exists_in_both_languages_with_the_same_placeholders() {
    let texts = all_texts();
    assert!(texts.len() > 150, "only {} texts", texts.len());
    for (owner, t) in texts {
        assert!(
            !t.en.trim().is_empty() && !t.fr.trim().is_empty(),
            "{owner}: empty text {t:?}"
        );
        assert_eq!(
            placeholders(t.en),
            placeholders(t.fr),
            "{owner}: placeholders differ in {t:?}"
        );
        if t.en.len() > 20 {
            assert_ne!(t.en, t.fr, "{owner}: not translated: {t:?}");
        }
    }
}

#[test]
fn every_rule_is_documented_in_french() {
    for r in RULES {
        assert!(
            !r.summary_fr.is_empty() && r.summary_fr != r.summary,
            "{}: summary_fr",
            r.code
        );
        assert!(
            r.name_fr
                .split('-')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "{}: name_fr `{}`",
            r.code,
            r.name_fr
        );
        let mut at = 0;
        for heading in [
            "## Ce que la règle vérifie",
            "## Pourquoi c'est important",
            "## Échoue",
            "## Réussit",
        ] {
            let found = r.docs_fr.get(at..).and_then(|rest| rest.find(heading));
            assert!(
                found.is_some(),
                "{}: docs_fr lacks `{heading}` in order",
                r.code
            );
            at += found.unwrap_or(0) + heading.len();
        }
    }
}

#[test]
fn numbers_statuses_and_money_follow_the_language() {
    assert_eq!(number(56_427, Lang::En), "56,427");
    assert_eq!(number(56_427, Lang::Fr), "56\u{a0}427");
    assert_eq!(number(2014, Lang::Fr), "2014");
    assert_eq!(money(5_500_000, "CAD", Lang::En), "$5,500,000");
    assert_eq!(
        money(5_500_000, "CAD", Lang::Fr),
        "5\u{a0}500\u{a0}000\u{a0}$"
    );
    assert_eq!(status_label(Status::InProgress, Lang::Fr), "en cours");
    assert_eq!(
        naplint::model::pillar_label(naplint::model::PillarKey::Prosecution, Lang::Fr),
        "Poursuites"
    );
    assert_eq!(Lang::parse("fr_CA.UTF-8"), Some(Lang::Fr));
}

fn check_in(lang: Lang, path: &str) -> Vec<naplint::Diagnostic> {
    let text =
        std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Linter::new(Config {
        lang,
        ..Config::default()
    })
    .unwrap()
    .check(&text, SourceFormat::from_path(path))
}

#[test]
fn the_seed_reads_in_french() {
    let en = check_in(Lang::En, "seeds/2013-14/report.json");
    let fr = check_in(Lang::Fr, "seeds/2013-14/report.json");
    assert_eq!(en.len(), fr.len());
    for (e, f) in en.iter().zip(&fr) {
        assert_eq!(
            (&e.code, &e.pointer, e.line, e.column, &e.name),
            (&f.code, &f.pointer, f.line, f.column, &f.name)
        );
        assert_ne!(e.message, f.message);
        assert_ne!(e.help, f.help);
    }
    assert_eq!(fr[0].message, "le livrable `1.11.5` commence pendant l'exercice du rapport `2013/14`, mais n'est pas marqué comme nouveau");
    let path = format!(
        "{}/../../seeds/2013-14/findings.fr.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let actual = serde_json::to_string_pretty(&fr).unwrap() + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        actual,
        "French findings changed: review, then UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn reconciliation_reads_in_french() {
    let fr = check_in(Lang::Fr, "tests/fixtures/R001/fail.json");
    assert_eq!(
        fr[0].message,
        "male 29 (ligne 127) + female 68 (ligne 128) + minor_dependents 6 (ligne 129) = 103, mais recipients vaut 102 (ligne 126) : écart de 1"
    );
    let fr = check_in(Lang::Fr, "tests/fixtures/R007/fail.json");
    assert!(
        fr[0].message.contains("environ 66\u{a0}427"),
        "{}",
        fr[0].message
    );
    let fr = check_in(Lang::Fr, "tests/fixtures/S001/fail_misspelt_field.json");
    assert_eq!(
        (fr[0].message.as_str(), fr[0].help.as_deref()),
        (
            "champ inconnu `femal`",
            Some("vouliez-vous dire `female` ?")
        )
    );
    let fr = check_in(Lang::Fr, "tests/fixtures/S003/fail_trailing_comma.json");
    assert_eq!(
        fr[0].message,
        "virgule finale avant `}` : retirez la virgule"
    );
}

fn parse_error(text: &str, format: SourceFormat, lang: Lang) -> String {
    let linter = Linter::new(Config {
        lang,
        ..Config::default()
    })
    .unwrap();
    let d = linter.check(text, format);
    assert_eq!(d.len(), 1, "{text:?}: {d:?}");
    assert_eq!(d[0].code, "S003", "{text:?}: {d:?}");
    d[0].message.clone()
}

#[test]
fn a_french_parse_error_quotes_the_users_key_exactly() {
    // The key holds words a translation of the parser's own phrases would change
    // (` bytes`, `, found `, `end of file`).
    for (key, fr, en) in [
        (
            "total bytes",
            "`:` attendu après la clé `total bytes`, trouvé `1`",
            "expected `:` after key `total bytes`, found `1`",
        ),
        (
            "total bytes, found end of file",
            "`:` attendu après la clé `total bytes, found end of file`, trouvé `1`",
            "expected `:` after key `total bytes, found end of file`, found `1`",
        ),
    ] {
        let text = format!(r#"{{"{key}" 1}}"#);
        assert_eq!(parse_error(&text, SourceFormat::Json, Lang::Fr), fr);
        assert_eq!(parse_error(&text, SourceFormat::Json, Lang::En), en);
    }
}

#[test]
fn every_kind_of_parse_error_reads_in_french() {
    use SourceFormat::{Json, Yaml};
    let deep = "[".repeat(200);
    let long = format!(r#"{{"a": "{}"}}"#, "x".repeat(1024 * 1024 + 1));
    let cases: Vec<(&str, SourceFormat, &str)> = vec![
        ("  ", Json, "document vide : un objet JSON est attendu"),
        ("# nothing\n", Yaml, "document vide : une table YAML est attendue"),
        ("{} x", Json, "fin de fichier attendue après le document, trouvé `x`"),
        (r#"{"a": }"#, Json, "valeur attendue, trouvé `}`"),
        (r#"{"a": "#, Json, "valeur attendue, trouvé la fin du fichier"),
        ("{\"a\": \u{1}}", Json, "valeur attendue, trouvé le caractère U+0001"),
        ("{1: 2}", Json, "clé entre guillemets attendue, trouvé `1`"),
        (
            r#"{"a": 1 "b": 2}"#,
            Json,
            "`,` ou `}` attendu après un membre d'objet, trouvé `\"`",
        ),
        ("[1 2]", Json, "`,` ou `]` attendu après un élément de tableau, trouvé `2`"),
        (r#"{"a": 1,}"#, Json, "virgule finale avant `}` : retirez la virgule"),
        ("[1,]", Json, "virgule finale avant `]` : retirez la virgule"),
        ("[-]", Json, "nombre non valide : chiffre attendu"),
        ("[1.]", Json, "nombre non valide : chiffre attendu après `.`"),
        ("[1e]", Json, "nombre non valide : chiffre attendu dans l'exposant"),
        ("[01]", Json, "nombre non valide : les zéros en tête ne sont pas permis"),
        (
            "[\"a\u{1}\"]",
            Json,
            "caractère de contrôle dans une chaîne : échappez-le (`\\n`, `\\t`, `\\u0000`)",
        ),
        (r#"["abc"#, Json, "chaîne non terminée : `\"` fermant manquant"),
        (r#"["\x"]"#, Json, "échappement non valide `\\x`"),
        (
            "[\"\\\u{1}\"]",
            Json,
            "échappement non valide : `\\` suivi du caractère U+0001",
        ),
        (
            r#"["\u12"]"#,
            Json,
            "échappement `\\u` non valide : quatre chiffres hexadécimaux attendus",
        ),
        (r#"["\ud800"]"#, Json, "demi-codet isolé dans un échappement `\\u`"),
        (&deep, Json, "l'imbrication dépasse la limite de 128 niveaux"),
        (
            &long,
            Json,
            "chaîne plus longue que la limite de 1\u{a0}048\u{a0}576 octets",
        ),
        (
            "a: 1\n---\nb: 2\n",
            Yaml,
            "un fichier de rapport contient un seul document YAML ; un second `---` a été trouvé",
        ),
        ("? [a]\n: 1\n", Yaml, "les clés d'une table doivent être des scalaires"),
        ("a: *x\n", Yaml, "alias vers une ancre inconnue"),
        (
            "a:\n\tb: 1\n",
            Yaml,
            "une tabulation là où le YAML veut des espaces : indentez avec des espaces",
        ),
        (
            "a: b: c\n",
            Yaml,
            "une valeur de table (`clé: valeur`) n'est pas permise à cet endroit",
        ),
        (
            "a: \"abc\n",
            Yaml,
            "chaîne entre guillemets non terminée : guillemet fermant manquant",
        ),
        (
            "a: \"\\q\"\n",
            Yaml,
            "échappement non valide dans une chaîne entre guillemets doubles",
        ),
        ("a: [1, 2\n", Yaml, "`,` ou `]` attendu dans une séquence entre crochets"),
        ("a: !x!y 1\n", Yaml, "préfixe d'étiquette (tag) non déclaré"),
        (
            "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
            Yaml,
            "erreur de syntaxe YAML (message du lecteur YAML, en anglais) : duplicate version directive",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, format, fr) in cases {
        let got = parse_error(text, format, Lang::Fr);
        if got != fr {
            wrong.push(format!(
                "{:?}\n  expected {fr}\n  got      {got}",
                text.get(..text.len().min(40))
            ));
        }
        assert_ne!(got, parse_error(text, format, Lang::En), "{text:?}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn limits_that_tests_cannot_reach_cheaply_read_in_french() {
    use naplint::rules::structure::s003_parse_error::message;
    use naplint::source::SyntaxKind;
    assert_eq!(
        message(
            &SyntaxKind::SizeLimit {
                size: 300_000_000,
                limit: 268_435_456
            },
            Lang::Fr
        ),
        "le fichier fait 300\u{a0}000\u{a0}000 octets, au-delà de la limite de 268\u{a0}435\u{a0}456 octets"
    );
    assert_eq!(
        message(&SyntaxKind::AliasLimit { limit: 100_000 }, Lang::Fr),
        "les alias se développent en plus de 100\u{a0}000 nœuds"
    );
    assert_eq!(
        message(&SyntaxKind::AliasLimit { limit: 100_000 }, Lang::En),
        "aliases expand to more than 100,000 nodes"
    );
}

fn rule_error_fr(code: &str, check: &str) -> String {
    let config = Config {
        lang: Lang::Fr,
        user_rules: vec![naplint::lang::UserRule {
            scope: Some("/statistics/trp/annual".to_owned()),
            ..naplint::lang::UserRule::new(code, check)
        }],
        ..Config::default()
    };
    Linter::new(config).unwrap_err().message(Lang::Fr)
}

#[test]
fn rule_language_errors_read_in_french() {
    for (code, check, fr) in [
        (
            "U001",
            "permits_issued >",
            "règles non valides : règle `U001` 1:17 : valeur attendue, trouvé la fin de la règle",
        ),
        (
            "U001",
            "permits_issued = 1",
            "règles non valides : règle `U001` 1:16 : `=` n'est pas une comparaison : écrivez `==`",
        ),
        (
            "U001",
            "permits_isued == 1",
            "règles non valides : règle `U001` 1:1 : champ inconnu `permits_isued` ; vouliez-vous dire `permits_issued` ?",
        ),
        (
            "U001",
            "summ(permits_issued) == 1",
            "règles non valides : règle `U001` 1:1 : fonction inconnue `summ` ; vouliez-vous dire `sum` ?",
        ),
        (
            "U001",
            "not permits_issued",
            "règles non valides : règle `U001` 1:5 : `not` demande une condition, mais ceci est un nombre",
        ),
        (
            "U001",
            "1 < permits_issued < 2",
            "règles non valides : règle `U001` 1:20 : les comparaisons ne s'enchaînent pas : écrivez `a <= b and b <= c`",
        ),
        (
            "P001",
            "permits_issued == 1",
            "règles non valides : règle `P001` 1:1 : le code `P001` doit être `U` suivi d'au moins trois chiffres (`U001`) ou un préfixe de projet suivi de chiffres (`CAN001`), pas une famille intégrée",
        ),
    ] {
        assert_eq!(rule_error_fr(code, check), fr, "{check}");
    }
}

#[test]
fn configuration_errors_read_in_french() {
    let config = Config {
        lang: Lang::Fr,
        tolerance: 3.0,
        rules: [("nope".to_owned(), naplint::RuleLevel::Warning)].into(),
        select: vec!["Q".to_owned()],
        ..Config::default()
    };
    let e = Linter::new(config.clone()).unwrap_err();
    assert_eq!(
        e.message(Lang::Fr),
        "configuration non valide : la tolérance `3` doit être comprise entre 0 et 1 (0.05 vaut 5 %); \
         règle inconnue `nope` dans `rules`; `Q` ne correspond à aucun code ni nom de règle"
    );
    let en = Linter::new(Config {
        lang: Lang::En,
        ..config
    })
    .unwrap_err();
    assert_eq!(
        en.to_string(),
        "invalid configuration: tolerance `3` must be between 0 and 1 (0.05 is 5%); \
         unknown rule `nope` in `rules`; `Q` matches no rule code or name"
    );
}

#[test]
fn counts_take_their_plural_form_in_each_language() {
    use naplint::i18n::Plural;
    const ITEMS: Plural = Plural::new(
        Text::new("{n} item", "{n} élément"),
        Text::new("{n} items", "{n} éléments"),
    );
    let en: Vec<String> = [0, 1, 2, 12_345].map(|n| ITEMS.render(n, Lang::En)).into();
    assert_eq!(en, ["0 items", "1 item", "2 items", "12,345 items"]);
    let fr: Vec<String> = [0, 1, 2, 12_345].map(|n| ITEMS.render(n, Lang::Fr)).into();
    assert_eq!(
        fr,
        [
            "0 élément",
            "1 élément",
            "2 éléments",
            "12\u{a0}345 éléments"
        ]
    );
    // The validator's counts.
    use naplint::schema::{Violation, ViolationKind};
    let v = |kind| Violation {
        pointer: naplint::diagnostic::Pointer::root(),
        def: None,
        kind,
    };
    let cases = [
        (
            ViolationKind::MinItems { min: 1, found: 0 },
            "expected at least 1 element, found 0",
            "au moins 1 élément attendu, trouvé 0",
        ),
        (
            ViolationKind::MinItems { min: 2, found: 1 },
            "expected at least 2 elements, found 1",
            "au moins 2 éléments attendus, trouvé 1",
        ),
        (
            ViolationKind::MaxItems { max: 0, found: 1 },
            "expected at most 0 elements, found 1",
            "au plus 0 élément attendu, trouvé 1",
        ),
        (
            ViolationKind::MinLength { min: 1 },
            "expected at least 1 character",
            "au moins 1 caractère attendu",
        ),
        (
            ViolationKind::MaxLength { max: 200 },
            "expected at most 200 characters",
            "au plus 200 caractères attendus",
        ),
    ];
    for (kind, en, fr) in cases {
        let violation = v(kind);
        assert_eq!(violation.message(Lang::En), en);
        assert_eq!(violation.message(Lang::Fr), fr);
    }
}
