//! What is wrong with a rule, as data: a [`RuleErrorKind`] carries the user's own text (a
//! field, a function, a code) untouched, and [`RuleErrorKind::message`] words it in the
//! language asked through `i18n::Text`.

use crate::i18n::{Lang, Text};

/// The kind of value a part of a rule gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Number,
    Text,
    Condition,
    Object,
    List,
    Value,
}

impl Type {
    fn text(self) -> Text {
        match self {
            Self::Number => Text::new("a number", "un nombre"),
            Self::Text => Text::new("a string", "une chaîne"),
            Self::Condition => Text::new("a condition", "une condition"),
            Self::Object => Text::new("an object", "un objet"),
            Self::List => Text::new("a list", "une liste"),
            Self::Value => Text::new("a value", "une valeur"),
        }
    }
}

/// A problem of a rule: its syntax, its fields and types, its declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleErrorKind {
    NumberTooLarge,
    UnterminatedString,
    UnexpectedChar {
        found: char,
    },
    SingleEquals,
    TooLong {
        limit: usize,
    },
    ExpectedPointer,
    ExpectedEnd,
    /// A word or symbol of the language (`then`, `)`) was expected.
    Expected {
        token: String,
    },
    TooManyParts {
        limit: usize,
    },
    TooDeep {
        limit: usize,
    },
    ChainedComparison,
    KeywordAsValue {
        keyword: String,
    },
    ValueAtEnd,
    ExpectedValue,
    ExpectedFieldName,
    UnknownField {
        field: String,
        path: Option<String>,
        suggestion: Option<String>,
    },
    /// `context` (a piece of the language such as `` `not` ``) needs `want`, got `got`.
    Needs {
        context: String,
        want: Type,
        got: Type,
    },
    ListPath {
        path: String,
    },
    Compares {
        op: String,
        left: Type,
        right: Type,
    },
    ListArgument {
        function: String,
    },
    WithinPeriod {
        path: String,
        got: Type,
    },
    WithinArguments,
    UnknownFunction {
        name: String,
        suggestion: Option<String>,
    },
    UnknownScope {
        scope: String,
    },
    NotACondition {
        got: Type,
    },
    ScopeTwice,
    ScopeNotPointer {
        scope: String,
    },
    BadPlaceholder {
        name: String,
    },
    Tolerance,
    BadCode {
        code: String,
    },
    DuplicateCode {
        code: String,
    },
}

/// Every text of rule errors, for the translation test.
pub const TEXTS: &[Text] = &[
    INVALID_RULES,
    RULE_AT,
    NUMBER_TOO_LARGE,
    UNTERMINATED_STRING,
    UNEXPECTED_CHAR,
    SINGLE_EQUALS,
    TOO_LONG,
    EXPECTED_POINTER,
    EXPECTED_END,
    EXPECTED,
    TOO_MANY_PARTS,
    TOO_DEEP,
    CHAINED,
    KEYWORD_AS_VALUE,
    VALUE_AT_END,
    EXPECTED_VALUE,
    EXPECTED_FIELD_NAME,
    UNKNOWN_FIELD,
    IN_PATH,
    DID_YOU_MEAN,
    NEEDS,
    LIST_PATH,
    COMPARES,
    LIST_ARGUMENT,
    WITHIN_PERIOD,
    WITHIN_ARGUMENTS,
    UNKNOWN_FUNCTION,
    UNKNOWN_SCOPE,
    NOT_A_CONDITION,
    SCOPE_TWICE,
    SCOPE_NOT_POINTER,
    BAD_PLACEHOLDER,
    TOLERANCE,
    BAD_CODE,
    DUPLICATE_CODE,
];

/// The frame of a set of rule errors, joined by `; `.
pub const INVALID_RULES: Text = Text::new(
    "invalid rules: {problems}",
    "règles non valides : {problems}",
);
/// One rule error: the rule's code, the position in its `check` text, the problem.
pub const RULE_AT: Text = Text::new(
    "rule `{code}` {line}:{column}: {message}",
    "règle `{code}` {line}:{column} : {message}",
);
const NUMBER_TOO_LARGE: Text = Text::new("number too large", "nombre trop grand");
const UNTERMINATED_STRING: Text = Text::new(
    "unterminated string: missing closing `\"`",
    "chaîne non terminée : `\"` fermant manquant",
);
const UNEXPECTED_CHAR: Text = Text::new(
    "unexpected character `{found}`",
    "caractère inattendu `{found}`",
);
const SINGLE_EQUALS: Text = Text::new(
    "`=` is not a comparison: write `==`",
    "`=` n'est pas une comparaison : écrivez `==`",
);
const TOO_LONG: Text = Text::new(
    "rule is longer than {limit} bytes",
    "la règle dépasse {limit} octets",
);
const EXPECTED_POINTER: Text = Text::new(
    "expected a JSON Pointer after `for each`, e.g. `/statistics/trp/annual`",
    "pointeur JSON attendu après `for each`, par exemple `/statistics/trp/annual`",
);
const EXPECTED_END: Text = Text::new(
    "expected the end of the rule, an operator, `and` or `or`",
    "fin de la règle, opérateur, `and` ou `or` attendu",
);
const EXPECTED: Text = Text::new("expected `{token}`", "`{token}` attendu");
const TOO_MANY_PARTS: Text = Text::new(
    "rule has more than {limit} parts; split it into several rules",
    "la règle a plus de {limit} parties ; divisez-la en plusieurs règles",
);
const TOO_DEEP: Text = Text::new(
    "rule nests deeper than {limit} levels",
    "la règle s'imbrique sur plus de {limit} niveaux",
);
const CHAINED: Text = Text::new(
    "comparisons do not chain: write `a <= b and b <= c`",
    "les comparaisons ne s'enchaînent pas : écrivez `a <= b and b <= c`",
);
const KEYWORD_AS_VALUE: Text = Text::new(
    "expected a value, found the keyword `{keyword}`",
    "valeur attendue, trouvé le mot-clé `{keyword}`",
);
const VALUE_AT_END: Text = Text::new(
    "expected a value, found the end of the rule",
    "valeur attendue, trouvé la fin de la règle",
);
const EXPECTED_VALUE: Text = Text::new(
    "expected a value: a number, a field path, a function call or `(`",
    "valeur attendue : un nombre, un chemin de champ, un appel de fonction ou `(`",
);
const EXPECTED_FIELD_NAME: Text = Text::new("expected a field name", "nom de champ attendu");
const UNKNOWN_FIELD: Text = Text::new(
    "unknown field `{field}`{within}{suggestion}",
    "champ inconnu `{field}`{within}{suggestion}",
);
const IN_PATH: Text = Text::new(" in `{path}`", " dans `{path}`");
const DID_YOU_MEAN: Text = Text::new(
    "; did you mean `{name}`?",
    " ; vouliez-vous dire `{name}` ?",
);
const NEEDS: Text = Text::new(
    "{context} needs {want}, but this is {got}",
    "{context} demande {want}, mais ceci est {got}",
);
const LIST_PATH: Text = Text::new(
    "`{path}` is a list: use sum(), count(), min() or max()",
    "`{path}` est une liste : utilisez sum(), count(), min() ou max()",
);
const COMPARES: Text = Text::new(
    "`{op}` compares {left} with {right}",
    "`{op}` compare {left} à {right}",
);
const LIST_ARGUMENT: Text = Text::new(
    "`{function}()` takes one field path, e.g. `{function}(top_countries_of_birth.count)`",
    "`{function}()` prend un chemin de champ, par exemple `{function}(top_countries_of_birth.count)`",
);
const WITHIN_PERIOD: Text = Text::new(
    "`within()` needs a period (`{start, end}`), but `{path}` is {got}",
    "`within()` demande une période (`{start, end}`), mais `{path}` est {got}",
);
const WITHIN_ARGUMENTS: Text = Text::new(
    "`within()` takes a year and a period path, e.g. `within(year, $.statistics.trp.cumulative.period)`",
    "`within()` prend une année et le chemin d'une période, par exemple `within(year, $.statistics.trp.cumulative.period)`",
);
const UNKNOWN_FUNCTION: Text = Text::new(
    "unknown function `{name}`{suggestion}",
    "fonction inconnue `{name}`{suggestion}",
);
const UNKNOWN_SCOPE: Text = Text::new(
    "scope `{scope}` is not a place in a report",
    "la portée `{scope}` n'est pas un emplacement d'un rapport",
);
const NOT_A_CONDITION: Text = Text::new(
    "a rule must be a condition (a comparison, `and`, `or`, `not`, `if ... then ...`), but this is {got}",
    "une règle doit être une condition (une comparaison, `and`, `or`, `not`, `if ... then ...`), mais ceci est {got}",
);
const SCOPE_TWICE: Text = Text::new(
    "the scope is given twice: in `scope` and in `for each`",
    "la portée est donnée deux fois : dans `scope` et dans `for each`",
);
const SCOPE_NOT_POINTER: Text = Text::new(
    "scope `{scope}` must be a JSON Pointer starting with `/`",
    "la portée `{scope}` doit être un pointeur JSON commençant par `/`",
);
const BAD_PLACEHOLDER: Text = Text::new(
    "message placeholder `{{name}}` is not `{arithmetic}`, `{expr}` or a field name",
    "l'espace réservé `{{name}}` du message n'est ni `{arithmetic}`, ni `{expr}`, ni un nom de champ",
);
const TOLERANCE: Text = Text::new(
    "tolerance must be between 0 and 1",
    "la tolérance doit être comprise entre 0 et 1",
);
const BAD_CODE: Text = Text::new(
    "code `{code}` must be `U` and three or more digits (`U001`) or a project prefix and digits (`CAN001`), not a built-in family",
    "le code `{code}` doit être `U` suivi d'au moins trois chiffres (`U001`) ou un préfixe de projet suivi de chiffres (`CAN001`), pas une famille intégrée",
);
const DUPLICATE_CODE: Text = Text::new(
    "code `{code}` is used twice",
    "le code `{code}` est utilisé deux fois",
);

impl RuleErrorKind {
    /// This problem worded in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: &usize| v.to_string();
        let mean = |s: &Option<String>| {
            s.as_ref()
                .map(|name| DID_YOU_MEAN.render(lang, &[("name", name)]))
                .unwrap_or_default()
        };
        let ty = |t: &Type| t.text().get(lang);
        match self {
            Self::NumberTooLarge => NUMBER_TOO_LARGE.get(lang).to_owned(),
            Self::UnterminatedString => UNTERMINATED_STRING.get(lang).to_owned(),
            Self::UnexpectedChar { found } => {
                UNEXPECTED_CHAR.render(lang, &[("found", &found.to_string())])
            }
            Self::SingleEquals => SINGLE_EQUALS.get(lang).to_owned(),
            Self::TooLong { limit } => TOO_LONG.render(lang, &[("limit", &n(limit))]),
            Self::ExpectedPointer => EXPECTED_POINTER.get(lang).to_owned(),
            Self::ExpectedEnd => EXPECTED_END.get(lang).to_owned(),
            Self::Expected { token } => EXPECTED.render(lang, &[("token", token)]),
            Self::TooManyParts { limit } => TOO_MANY_PARTS.render(lang, &[("limit", &n(limit))]),
            Self::TooDeep { limit } => TOO_DEEP.render(lang, &[("limit", &n(limit))]),
            Self::ChainedComparison => CHAINED.get(lang).to_owned(),
            Self::KeywordAsValue { keyword } => {
                KEYWORD_AS_VALUE.render(lang, &[("keyword", keyword)])
            }
            Self::ValueAtEnd => VALUE_AT_END.get(lang).to_owned(),
            Self::ExpectedValue => EXPECTED_VALUE.get(lang).to_owned(),
            Self::ExpectedFieldName => EXPECTED_FIELD_NAME.get(lang).to_owned(),
            Self::UnknownField {
                field,
                path,
                suggestion,
            } => {
                let within = path
                    .as_ref()
                    .map(|p| IN_PATH.render(lang, &[("path", p)]))
                    .unwrap_or_default();
                UNKNOWN_FIELD.render(
                    lang,
                    &[
                        ("field", field),
                        ("within", &within),
                        ("suggestion", &mean(suggestion)),
                    ],
                )
            }
            Self::Needs { context, want, got } => NEEDS.render(
                lang,
                &[("context", context), ("want", ty(want)), ("got", ty(got))],
            ),
            Self::ListPath { path } => LIST_PATH.render(lang, &[("path", path)]),
            Self::Compares { op, left, right } => COMPARES.render(
                lang,
                &[("op", op), ("left", ty(left)), ("right", ty(right))],
            ),
            Self::ListArgument { function } => {
                LIST_ARGUMENT.render(lang, &[("function", function)])
            }
            Self::WithinPeriod { path, got } => WITHIN_PERIOD.render(
                lang,
                &[
                    ("path", path),
                    ("got", ty(got)),
                    ("start, end", "{start, end}"),
                ],
            ),
            Self::WithinArguments => WITHIN_ARGUMENTS.get(lang).to_owned(),
            Self::UnknownFunction { name, suggestion } => {
                UNKNOWN_FUNCTION.render(lang, &[("name", name), ("suggestion", &mean(suggestion))])
            }
            Self::UnknownScope { scope } => UNKNOWN_SCOPE.render(lang, &[("scope", scope)]),
            Self::NotACondition { got } => NOT_A_CONDITION.render(lang, &[("got", ty(got))]),
            Self::ScopeTwice => SCOPE_TWICE.get(lang).to_owned(),
            Self::ScopeNotPointer { scope } => SCOPE_NOT_POINTER.render(lang, &[("scope", scope)]),
            Self::BadPlaceholder { name } => BAD_PLACEHOLDER.render(
                lang,
                &[
                    ("name", name),
                    ("arithmetic", "{arithmetic}"),
                    ("expr", "{expr}"),
                ],
            ),
            Self::Tolerance => TOLERANCE.get(lang).to_owned(),
            Self::BadCode { code } => BAD_CODE.render(lang, &[("code", code)]),
            Self::DuplicateCode { code } => DUPLICATE_CODE.render(lang, &[("code", code)]),
        }
    }
}
