use crate::diagnostic::{Finding, Pointer};
use crate::i18n::{number, Lang, Text};
use crate::source::{Found, NumberProblem, SyntaxKind, YamlKind};

crate::rules::declare_rule! {
    /// ## What it checks
    /// That the file is valid UTF-8 without a byte order mark and well-formed JSON (RFC 8259) or
    /// YAML 1.2, within naplint's limits (nesting depth 128, 256 MiB, YAML aliases expanding to at
    /// most 100,000 nodes). The diagnostic gives the line and column where reading stopped.
    ///
    /// ## Why it matters
    /// Nothing else can be checked until the file can be read.
    ///
    /// ## Fails
    /// ```json
    /// { "format_version": "1", }
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// { "format_version": "1" }
    /// ```
    Rule {
        code: "S003",
        name: "parse-error" / "erreur-analyse-syntaxique",
        severity: Error,
        summary: "the file is not well-formed JSON or YAML"
            / "le fichier n'est pas du JSON ou du YAML bien formé",
    }
    texts {
        BOM = "file starts with a byte order mark"
            / "le fichier commence par un indicateur d'ordre des octets (BOM)";
        SAVE_NO_BOM = "save the file as UTF-8 without a BOM"
            / "enregistrez le fichier en UTF-8 sans BOM";
        INVALID_UTF8 = "invalid UTF-8 at byte {offset}" / "UTF-8 non valide à l'octet {offset}";
        SAVE_UTF8 = "save the file as UTF-8" / "enregistrez le fichier en UTF-8";
        /// What stands where reading stopped (a character as such is quoted in backticks).
        FOUND_EOF = "end of file" / "la fin du fichier";
        FOUND_CONTROL = "character U+{code}" / "le caractère U+{code}";
        EMPTY_JSON = "empty document: expected a JSON object"
            / "document vide : un objet JSON est attendu";
        EMPTY_YAML = "empty document: expected a YAML mapping"
            / "document vide : une table YAML est attendue";
        TRAILING_DATA = "expected end of file after the document, found {found}"
            / "fin de fichier attendue après le document, trouvé {found}";
        EXPECTED_VALUE = "expected a value, found {found}" / "valeur attendue, trouvé {found}";
        EXPECTED_KEY = "expected a string key in double quotes, found {found}"
            / "clé entre guillemets attendue, trouvé {found}";
        EXPECTED_COLON = "expected `:` after key `{key}`, found {found}"
            / "`:` attendu après la clé `{key}`, trouvé {found}";
        COMMA_OR_BRACE = "expected `,` or `}` after an object member, found {found}"
            / "`,` ou `}` attendu après un membre d'objet, trouvé {found}";
        COMMA_OR_BRACKET = "expected `,` or `]` after an array element, found {found}"
            / "`,` ou `]` attendu après un élément de tableau, trouvé {found}";
        TRAILING_COMMA = "trailing comma before `{close}`: remove the comma"
            / "virgule finale avant `{close}` : retirez la virgule";
        NUMBER_DIGIT = "invalid number: expected a digit" / "nombre non valide : chiffre attendu";
        NUMBER_POINT = "invalid number: expected a digit after `.`"
            / "nombre non valide : chiffre attendu après `.`";
        NUMBER_EXPONENT = "invalid number: expected a digit in the exponent"
            / "nombre non valide : chiffre attendu dans l'exposant";
        NUMBER_LEADING_ZERO = "invalid number: leading zeros are not allowed"
            / "nombre non valide : les zéros en tête ne sont pas permis";
        CONTROL_IN_STRING = "control character in string: escape it (`\\n`, `\\t`, `\\u0000`)"
            / "caractère de contrôle dans une chaîne : échappez-le (`\\n`, `\\t`, `\\u0000`)";
        UNTERMINATED_STRING = "unterminated string: missing closing `\"`"
            / "chaîne non terminée : `\"` fermant manquant";
        INVALID_ESCAPE = "invalid escape `\\{char}`" / "échappement non valide `\\{char}`";
        INVALID_ESCAPE_CONTROL = "invalid escape: `\\` followed by character U+{code}"
            / "échappement non valide : `\\` suivi du caractère U+{code}";
        INVALID_UNICODE_ESCAPE = "invalid `\\u` escape: expected four hex digits"
            / "échappement `\\u` non valide : quatre chiffres hexadécimaux attendus";
        UNPAIRED_SURROGATE = "unpaired surrogate in `\\u` escape"
            / "demi-codet isolé dans un échappement `\\u`";
        NESTING_LIMIT = "nesting is deeper than the limit of {limit} levels"
            / "l'imbrication dépasse la limite de {limit} niveaux";
        STRING_LIMIT = "string longer than the limit of {limit} bytes"
            / "chaîne plus longue que la limite de {limit} octets";
        SIZE_LIMIT = "file is {size} bytes, more than the limit of {limit} bytes"
            / "le fichier fait {size} octets, au-delà de la limite de {limit} octets";
        SECOND_DOCUMENT = "a report file holds one YAML document; found a second `---`"
            / "un fichier de rapport contient un seul document YAML ; un second `---` a été trouvé";
        NON_SCALAR_KEY = "mapping keys must be scalars"
            / "les clés d'une table doivent être des scalaires";
        ALIAS_LIMIT = "aliases expand to more than {limit} nodes"
            / "les alias se développent en plus de {limit} nœuds";
        UNKNOWN_ANCHOR = "alias to an unknown anchor" / "alias vers une ancre inconnue";
        /// The YAML library's errors that naplint recognises (see `SyntaxKind::yaml`).
        YAML_TAB = "a tab where YAML wants spaces: indent with spaces"
            / "une tabulation là où le YAML veut des espaces : indentez avec des espaces";
        YAML_MAPPING_VALUE = "a mapping value (`key: value`) is not allowed here"
            / "une valeur de table (`clé: valeur`) n'est pas permise à cet endroit";
        YAML_EXPECTED_KEY = "expected a mapping key (`key: value`)"
            / "clé de table attendue (`clé: valeur`)";
        YAML_INDENTATION = "invalid indentation" / "indentation non valide";
        YAML_UNTERMINATED_QUOTE = "unterminated quoted string: missing closing quote"
            / "chaîne entre guillemets non terminée : guillemet fermant manquant";
        YAML_INVALID_ESCAPE = "invalid escape in a double-quoted string"
            / "échappement non valide dans une chaîne entre guillemets doubles";
        YAML_DUPLICATE_ANCHOR = "anchor defined twice" / "ancre définie deux fois";
        YAML_ANCHOR_NAME = "anchor or alias without a name: expected letters or digits"
            / "ancre ou alias sans nom : lettres ou chiffres attendus";
        YAML_UNDECLARED_TAG = "tag handle not declared" / "préfixe d'étiquette (tag) non déclaré";
        YAML_INVALID_TAG = "malformed YAML tag" / "étiquette (tag) YAML mal formée";
        YAML_FLOW_SEQUENCE = "expected `,` or `]` in a bracketed sequence"
            / "`,` ou `]` attendu dans une séquence entre crochets";
        YAML_FLOW_MAPPING = "expected `,` or `}` in a braced mapping"
            / "`,` ou `}` attendu dans une table entre accolades";
        YAML_RECURSION = "nesting is deeper than the YAML reader's limit"
            / "l'imbrication dépasse la limite du lecteur YAML";
        YAML_UNPRINTABLE = "character not allowed in YAML" / "caractère interdit en YAML";
        /// Any other error of the YAML library: it words it in English only, so the French
        /// frame quotes its sentence verbatim rather than guess at a translation.
        YAML_OTHER = "{info}"
            / "erreur de syntaxe YAML (message du lecteur YAML, en anglais) : {info}";
    }
}

/// The bytes are not UTF-8 from `offset` on.
#[must_use]
pub fn invalid_utf8(offset: usize, lang: Lang) -> Finding {
    Finding::new(
        Pointer::root(),
        INVALID_UTF8.render(lang, &[("offset", &offset.to_string())]),
    )
    .help(SAVE_UTF8.get(lang))
}

/// The text starts with U+FEFF.
#[must_use]
pub fn byte_order_mark(lang: Lang) -> Finding {
    Finding::new(Pointer::root(), BOM.get(lang)).help(SAVE_NO_BOM.get(lang))
}

fn found(found: Found, lang: Lang) -> String {
    match found {
        Found::EndOfFile => FOUND_EOF.get(lang).to_owned(),
        Found::Control(c) => FOUND_CONTROL.render(lang, &[("code", &code_point(c))]),
        Found::Char(c) => format!("`{c}`"),
    }
}

fn code_point(c: char) -> String {
    format!("{:04X}", u32::from(c))
}

fn yaml_text(kind: YamlKind) -> Text {
    match kind {
        YamlKind::Tab => YAML_TAB,
        YamlKind::MappingValue => YAML_MAPPING_VALUE,
        YamlKind::ExpectedKey => YAML_EXPECTED_KEY,
        YamlKind::Indentation => YAML_INDENTATION,
        YamlKind::UnterminatedQuote => YAML_UNTERMINATED_QUOTE,
        YamlKind::InvalidEscape => YAML_INVALID_ESCAPE,
        YamlKind::UnknownAnchor => UNKNOWN_ANCHOR,
        YamlKind::DuplicateAnchor => YAML_DUPLICATE_ANCHOR,
        YamlKind::AnchorName => YAML_ANCHOR_NAME,
        YamlKind::UndeclaredTag => YAML_UNDECLARED_TAG,
        YamlKind::InvalidTag => YAML_INVALID_TAG,
        YamlKind::FlowSequence => YAML_FLOW_SEQUENCE,
        YamlKind::FlowMapping => YAML_FLOW_MAPPING,
        YamlKind::Recursion => YAML_RECURSION,
        YamlKind::Unprintable => YAML_UNPRINTABLE,
        YamlKind::Other => YAML_OTHER,
    }
}

/// The loader's syntax error worded in `lang`; the user's own text (a key, a character)
/// is quoted as read.
#[must_use]
pub fn message(kind: &SyntaxKind, lang: Lang) -> String {
    let with_found = |t: Text, f: Found| t.render(lang, &[("found", &found(f, lang))]);
    match kind {
        SyntaxKind::EmptyDocument { yaml: false } => EMPTY_JSON.get(lang).to_owned(),
        SyntaxKind::EmptyDocument { yaml: true } => EMPTY_YAML.get(lang).to_owned(),
        SyntaxKind::TrailingData { found } => with_found(TRAILING_DATA, *found),
        SyntaxKind::ExpectedValue { found } => with_found(EXPECTED_VALUE, *found),
        SyntaxKind::ExpectedKey { found } => with_found(EXPECTED_KEY, *found),
        SyntaxKind::ExpectedColon { key, found: f } => {
            EXPECTED_COLON.render(lang, &[("key", key), ("found", &found(*f, lang))])
        }
        SyntaxKind::ExpectedCommaOrBrace { found } => with_found(COMMA_OR_BRACE, *found),
        SyntaxKind::ExpectedCommaOrBracket { found } => with_found(COMMA_OR_BRACKET, *found),
        SyntaxKind::TrailingComma { close } => {
            TRAILING_COMMA.render(lang, &[("close", &close.to_string())])
        }
        SyntaxKind::InvalidNumber { problem } => match problem {
            NumberProblem::Digit => NUMBER_DIGIT,
            NumberProblem::DigitAfterPoint => NUMBER_POINT,
            NumberProblem::DigitInExponent => NUMBER_EXPONENT,
            NumberProblem::LeadingZero => NUMBER_LEADING_ZERO,
        }
        .get(lang)
        .to_owned(),
        SyntaxKind::ControlInString => CONTROL_IN_STRING.get(lang).to_owned(),
        // A `\` at the very end leaves the string open.
        SyntaxKind::UnterminatedString
        | SyntaxKind::InvalidEscape {
            found: Found::EndOfFile,
        } => UNTERMINATED_STRING.get(lang).to_owned(),
        SyntaxKind::InvalidEscape {
            found: Found::Char(c),
        } => INVALID_ESCAPE.render(lang, &[("char", &c.to_string())]),
        SyntaxKind::InvalidEscape {
            found: Found::Control(c),
        } => INVALID_ESCAPE_CONTROL.render(lang, &[("code", &code_point(*c))]),
        SyntaxKind::InvalidUnicodeEscape => INVALID_UNICODE_ESCAPE.get(lang).to_owned(),
        SyntaxKind::UnpairedSurrogate => UNPAIRED_SURROGATE.get(lang).to_owned(),
        SyntaxKind::NestingLimit { limit } => {
            NESTING_LIMIT.render(lang, &[("limit", &count(*limit, lang))])
        }
        SyntaxKind::StringLimit { limit } => {
            STRING_LIMIT.render(lang, &[("limit", &count(*limit, lang))])
        }
        SyntaxKind::SizeLimit { size, limit } => SIZE_LIMIT.render(
            lang,
            &[
                ("size", &count(*size, lang)),
                ("limit", &count(*limit, lang)),
            ],
        ),
        SyntaxKind::SecondDocument => SECOND_DOCUMENT.get(lang).to_owned(),
        SyntaxKind::NonScalarKey => NON_SCALAR_KEY.get(lang).to_owned(),
        SyntaxKind::AliasLimit { limit } => {
            ALIAS_LIMIT.render(lang, &[("limit", &count(*limit, lang))])
        }
        SyntaxKind::UnknownAnchor => UNKNOWN_ANCHOR.get(lang).to_owned(),
        SyntaxKind::Yaml { kind, info } => yaml_text(*kind).render(lang, &[("info", info)]),
    }
}

fn count(n: usize, lang: Lang) -> String {
    number(i128::try_from(n).unwrap_or(i128::MAX), lang)
}

/// The loader's syntax error as a finding in `lang`.
#[must_use]
pub fn syntax(kind: &SyntaxKind, lang: Lang) -> Finding {
    Finding::new(Pointer::root(), message(kind, lang))
}
