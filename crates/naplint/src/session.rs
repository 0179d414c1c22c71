//! Live form sessions: a document kept in memory and edited one value at a time.
//!
//! A form knows which field changed. A [`Session`] holds the document's text and its
//! spanned tree; [`Session::set`] and [`Session::remove`] splice the new value's
//! serialisation into the text at the span the pointer designates (every other byte stays
//! as it was: no whole re-serialisation), and the edit returns the diagnostics of the new
//! text, in the same shape and order as [`Linter::check`].
//!
//! **Parity is the contract**: after any sequence of edits, [`Session::diagnostics`]
//! equals `linter.check(session.text(), session.format())`, line and column included. An
//! edit the document cannot take (a pointer through a missing parent, an index into an
//! object, a member of a number) is an [`EditError`] and leaves the session as it was;
//! a value the schema rejects is not an error but a diagnostic, as in a full check.
//!
//! ```
//! use naplint::{session::Session, Config, Linter, SourceFormat};
//! let linter = Linter::new(Config::default()).unwrap();
//! let mut session = Session::new(&linter, r#"{"format_version": "1"}"#, SourceFormat::Json);
//! let before = session.diagnostics().len();
//! session.set("/report", &serde_json::json!({"title": "x"})).unwrap();
//! assert_eq!(session.diagnostics(), linter.check(session.text(), SourceFormat::Json));
//! assert!(session.set("/missing/child", &serde_json::json!(1)).is_err());
//! # let _ = before;
//! ```

use crate::diagnostic::Diagnostic;
use crate::engine::{Edit, Linter, Parts, SpanLog, Spliced};
use crate::i18n::{Lang, Text};
use crate::source::{
    self, LineIndex, LoadIssue, Loaded, Member, Node, SourceFormat, Span, TextRef, Value,
};
use gap::GapText;
use std::borrow::Borrow;
use std::cell::OnceCell;

mod gap;

/// Why an edit was refused. The session is unchanged after any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The pointer is not an RFC 6901 JSON Pointer (it must be empty or start with `/`;
    /// `~` must be followed by `0` or `1`).
    InvalidPointer { pointer: String },
    /// A parent on the way does not exist.
    MissingParent { pointer: String, parent: String },
    /// A parent on the way is a scalar (or `null`), which has no members.
    NotAContainer {
        pointer: String,
        parent: String,
        found: &'static str,
    },
    /// An array was given a token that is not an index (`/leads/x`, `/leads/01`).
    NotAnIndex { pointer: String, token: String },
    /// An array index past the end (the length itself appends, as `-` does).
    IndexOutOfRange {
        pointer: String,
        index: usize,
        len: usize,
    },
    /// `remove` of a value that is not there.
    NotFound { pointer: String },
    /// `remove("")`: a document cannot be removed, only replaced.
    RemoveRoot,
    /// The session's text does not parse (it has an S003), so it has no values to edit.
    Unreadable,
    /// An edit of this kind is not supported for the document's format (YAML documents
    /// can replace existing values; adding and removing members needs JSON).
    Unsupported { pointer: String },
    /// The edited text would not read back as the value asked for (a nesting or length
    /// limit, or a YAML construct the splice cannot keep).
    Rejected { pointer: String },
}

const INVALID_POINTER: Text = Text::new(
    "`{pointer}` is not a JSON Pointer: write `` or `/` followed by tokens, with `~0` for `~` and `~1` for `/`",
    "`{pointer}` n'est pas un pointeur JSON : écrivez `` ou `/` suivi de jetons, avec `~0` pour `~` et `~1` pour `/`",
);
const MISSING_PARENT: Text = Text::new(
    "cannot edit `{pointer}`: `{parent}` does not exist",
    "impossible de modifier `{pointer}` : `{parent}` n'existe pas",
);
const NOT_A_CONTAINER: Text = Text::new(
    "cannot edit `{pointer}`: `{parent}` is a {found}, not an object or an array",
    "impossible de modifier `{pointer}` : `{parent}` est de type {found}, pas un objet ni un tableau",
);
const NOT_AN_INDEX: Text = Text::new(
    "cannot edit `{pointer}`: `{token}` is not an array index",
    "impossible de modifier `{pointer}` : `{token}` n'est pas un indice de tableau",
);
const OUT_OF_RANGE: Text = Text::new(
    "cannot edit `{pointer}`: index {index} is past the end of an array of {len}",
    "impossible de modifier `{pointer}` : l'indice {index} dépasse la fin d'un tableau de {len}",
);
const NOT_FOUND: Text = Text::new(
    "cannot remove `{pointer}`: there is no value there",
    "impossible de retirer `{pointer}` : il n'y a pas de valeur à cet endroit",
);
const REMOVE_ROOT: Text = Text::new(
    "cannot remove the whole document; set `` to replace it",
    "impossible de retirer tout le document; affectez `` pour le remplacer",
);
const UNREADABLE: Text = Text::new(
    "the document does not parse, so its values cannot be edited; fix the syntax error first",
    "le document ne peut pas être lu, ses valeurs ne peuvent donc pas être modifiées; corrigez d'abord l'erreur de syntaxe",
);
const UNSUPPORTED: Text = Text::new(
    "cannot add or remove `{pointer}` in a YAML document; only existing values can be replaced",
    "impossible d'ajouter ou de retirer `{pointer}` dans un document YAML; seules les valeurs existantes peuvent être remplacées",
);
const REJECTED: Text = Text::new(
    "cannot edit `{pointer}`: the edited document would not read back as that value",
    "impossible de modifier `{pointer}` : le document modifié ne se relirait pas avec cette valeur",
);

/// Every text of this module, for the bilingual tests.
pub const TEXTS: &[Text] = &[
    INVALID_POINTER,
    MISSING_PARENT,
    NOT_A_CONTAINER,
    NOT_AN_INDEX,
    OUT_OF_RANGE,
    NOT_FOUND,
    REMOVE_ROOT,
    UNREADABLE,
    UNSUPPORTED,
    REJECTED,
];

impl EditError {
    /// A stable kebab-case name of the kind of error, for callers to branch on.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::InvalidPointer { .. } => "invalid-pointer",
            Self::MissingParent { .. } => "missing-parent",
            Self::NotAContainer { .. } => "not-a-container",
            Self::NotAnIndex { .. } => "not-an-index",
            Self::IndexOutOfRange { .. } => "index-out-of-range",
            Self::NotFound { .. } => "not-found",
            Self::RemoveRoot => "remove-root",
            Self::Unreadable => "unreadable",
            Self::Unsupported { .. } => "unsupported",
            Self::Rejected { .. } => "rejected",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::InvalidPointer { pointer } => {
                INVALID_POINTER.render(lang, &[("pointer", pointer)])
            }
            Self::MissingParent { pointer, parent } => {
                MISSING_PARENT.render(lang, &[("pointer", pointer), ("parent", parent)])
            }
            Self::NotAContainer {
                pointer,
                parent,
                found,
            } => NOT_A_CONTAINER.render(
                lang,
                &[("pointer", pointer), ("parent", parent), ("found", found)],
            ),
            Self::NotAnIndex { pointer, token } => {
                NOT_AN_INDEX.render(lang, &[("pointer", pointer), ("token", token)])
            }
            Self::IndexOutOfRange {
                pointer,
                index,
                len,
            } => OUT_OF_RANGE.render(
                lang,
                &[
                    ("pointer", pointer),
                    ("index", &index.to_string()),
                    ("len", &len.to_string()),
                ],
            ),
            Self::NotFound { pointer } => NOT_FOUND.render(lang, &[("pointer", pointer)]),
            Self::RemoveRoot => REMOVE_ROOT.render(lang, &[]),
            Self::Unreadable => UNREADABLE.render(lang, &[]),
            Self::Unsupported { pointer } => UNSUPPORTED.render(lang, &[("pointer", pointer)]),
            Self::Rejected { pointer } => REJECTED.render(lang, &[("pointer", pointer)]),
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EditError {}

/// A document being edited, with its diagnostics kept current.
///
/// `L` is how the session holds its linter: `&Linter`, or `Rc<Linter>` for a session
/// that outlives the caller's borrow (the WASM module's).
#[derive(Debug)]
pub struct Session<L: Borrow<Linter>> {
    linter: L,
    /// The text, in a gap buffer: an edit moves only the bytes between it and the last.
    text: GapText,
    /// The text as one string, built when [`Session::text`] asks for it, until the next
    /// edit.
    flat: OnceCell<String>,
    loaded: Loaded,
    diagnostics: Vec<Diagnostic>,
    /// What the last check found, for the next edit to recompute only what it changes.
    parts: Parts,
    /// The splices the tree's spans have not caught up with: every span read from the
    /// tree goes through it.
    log: SpanLog,
    /// How many CRLF line ends the text has (while any, added lines get one too):
    /// counted once and kept by each edit, so that an edit does not search the whole
    /// text for one.
    crlf: usize,
    /// Edits that took the in-place path (tests check that it is the usual one).
    #[cfg(test)]
    spliced: usize,
}

/// One text replacement: `text[start..end]` becomes `with`.
struct Splice {
    start: usize,
    end: usize,
    with: String,
    /// Where the value that `set` writes sits in `with`.
    entry: Option<Entry>,
}

/// The new value's place in a splice's text (offsets into `Splice::with`).
struct Entry {
    /// A new member's key (unescaped) and the span of its quoted spelling.
    key: Option<(String, Span)>,
    value: Span,
}

/// Where a pointer's last token lands, by child index, for editing the tree in place.
enum Place {
    /// The document itself.
    Root,
    /// The existing child `index` of the container at `path`.
    Child { path: Vec<usize>, index: usize },
    /// A new last child of the container at `path`.
    Push { path: Vec<usize> },
}

/// What the pointer's parent is and where the last token lands in it.
enum Target<'n> {
    /// The value exists: replace its span.
    Existing(&'n Node),
    /// A new member of an object.
    NewMember { object: &'n Node, key: String },
    /// A new last item of an array.
    Append { array: &'n Node },
}

impl<L: Borrow<Linter>> Session<L> {
    /// A session on a document's text (JSON or YAML, as `format` says).
    #[must_use]
    pub fn new(linter: L, text: impl Into<String>, format: SourceFormat) -> Self {
        let text = text.into();
        let loaded = source::load(&text, format);
        let mut parts = Parts::default();
        let log = SpanLog::new(text.len());
        let crlf = crlf_count(&text);
        let diagnostics =
            linter
                .borrow()
                .check_session(text.as_str().into(), &loaded, &mut parts, &log);
        Self {
            linter,
            text: GapText::from(text),
            flat: OnceCell::new(),
            loaded,
            diagnostics,
            parts,
            log,
            crlf,
            #[cfg(test)]
            spliced: 0,
        }
    }

    /// A session on a value, written as JSON with two-space indentation (what
    /// `JSON.stringify(doc, null, 2)` writes), so that lines mean something.
    #[must_use]
    pub fn from_value(linter: L, value: &serde_json::Value) -> Self {
        Self::new(linter, pretty(value, "", "\n"), SourceFormat::Json)
    }

    /// The current document's text (built from the session's gap buffer when first
    /// asked for after an edit: a copy of the text).
    #[must_use]
    pub fn text(&self) -> &str {
        self.flat.get_or_init(|| self.text.to_text())
    }

    #[must_use]
    pub fn format(&self) -> SourceFormat {
        self.loaded.format
    }

    /// The diagnostics of the current text, exactly as [`Linter::check`] gives them.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    #[must_use]
    pub fn linter(&self) -> &Linter {
        self.linter.borrow()
    }

    /// Sets the value at `pointer`: replaces it, or adds it as a new member of its
    /// object; in an array, an index equal to the length (or `-`) appends, as JSON
    /// Patch's `add` does. `""` replaces the whole document.
    ///
    /// # Errors
    /// An [`EditError`] when the document cannot take the edit; the session is unchanged.
    pub fn set(
        &mut self,
        pointer: &str,
        value: &serde_json::Value,
    ) -> Result<&[Diagnostic], EditError> {
        let tokens = parse_pointer(pointer)?;
        let root = self.loaded.root.as_ref().ok_or(EditError::Unreadable)?;
        let target = resolve(root, pointer, &tokens)?;
        let structural = !matches!(target, Target::Existing(_));
        let splice = self.plan_set(pointer, target, value)?;
        if self.splice_tree(&tokens, &splice, Some(value)) {
            return Ok(self.recheck(&splice, &tokens, structural));
        }
        let edited = apply(self.text.view(), &splice);
        let loaded = source::load(&edited, self.loaded.format);
        let reads_back = loaded
            .root
            .as_ref()
            .and_then(|root| node_at(root, &tokens))
            .is_some_and(|n| n.to_json() == *value);
        if !reads_back || has_syntax_issue(&loaded) {
            return Err(EditError::Rejected {
                pointer: pointer.to_owned(),
            });
        }
        Ok(self.commit(edited, loaded))
    }

    /// Removes the value at `pointer` (an object member, or an array item: the items
    /// after it move up, as JSON Patch's `remove` does).
    ///
    /// # Errors
    /// An [`EditError`] when there is nothing to remove; the session is unchanged.
    pub fn remove(&mut self, pointer: &str) -> Result<&[Diagnostic], EditError> {
        let tokens = parse_pointer(pointer)?;
        let root = self.loaded.root.as_ref().ok_or(EditError::Unreadable)?;
        let Some((last, parents)) = tokens.split_last() else {
            return Err(EditError::RemoveRoot);
        };
        let parent = walk(root, pointer, parents)?;
        if self.loaded.format == SourceFormat::Yaml {
            return Err(EditError::Unsupported {
                pointer: pointer.to_owned(),
            });
        }
        let not_found = || EditError::NotFound {
            pointer: pointer.to_owned(),
        };
        // The spans around the removed entry: the previous entry's end (to take the comma
        // before it), its own start and end, and the next entry's start.
        let (entries, index): (Vec<(usize, usize)>, usize) = match &parent.value {
            Value::Object(members) => {
                let i = members
                    .iter()
                    .rposition(|m| m.key == *last)
                    .ok_or_else(not_found)?;
                let spans = members
                    .iter()
                    .map(|m| {
                        let (key, value) = (self.log.span(m.key_span), self.log.span(m.value.span));
                        (key.start(), value.end())
                    })
                    .collect();
                (spans, i)
            }
            Value::Array(items) => {
                let i = array_index(pointer, last, items.len())?;
                if i >= items.len() {
                    return Err(not_found());
                }
                (
                    items
                        .iter()
                        .map(|n| self.log.span(n.span))
                        .map(|span| (span.start(), span.end()))
                        .collect(),
                    i,
                )
            }
            other => {
                return Err(EditError::NotAContainer {
                    pointer: pointer.to_owned(),
                    parent: join(parents),
                    found: other.type_name(),
                })
            }
        };
        let at = |i: usize| entries.get(i).copied();
        let (start, end) = match (index.checked_sub(1).and_then(at), at(index), at(index + 1)) {
            (Some(prev), Some(this), _) => (prev.1, this.1),
            (None, Some(this), Some(next)) => (this.0, next.0),
            (None, Some(_), None) => {
                let span = self.log.span(parent.span);
                (span.start() + 1, span.end() - 1)
            }
            _ => return Err(not_found()),
        };
        let splice = Splice {
            start,
            end,
            with: String::new(),
            entry: None,
        };
        if self.splice_tree(&tokens, &splice, None) {
            return Ok(self.recheck(&splice, &tokens, true));
        }
        let edited = apply(self.text.view(), &splice);
        let loaded = source::load(&edited, self.loaded.format);
        if loaded.root.is_none() || has_syntax_issue(&loaded) {
            return Err(EditError::Rejected {
                pointer: pointer.to_owned(),
            });
        }
        Ok(self.commit(edited, loaded))
    }

    /// Edits the tree in place to match `edited`, without parsing the whole text: parses
    /// only the new value, moves the spans after the splice, and puts the value in (or
    /// takes the removed one out). Returns false, the tree untouched, where only a whole
    /// parse can tell: YAML (block layout), a document with duplicate keys (their
    /// findings depend on every member of their object), a value that comes near the
    /// nesting limit, a text near the size limit. Tests compare the tree it leaves with
    /// a whole parse after every edit.
    fn splice_tree(
        &mut self,
        tokens: &[String],
        splice: &Splice,
        value: Option<&serde_json::Value>,
    ) -> bool {
        let text = self.text.view();
        let fits = splice.start <= splice.end
            && text.is_char_boundary(splice.start)
            && text.is_char_boundary(splice.end);
        let edited_len =
            (text.len() - (splice.end - splice.start.min(splice.end))) + splice.with.len();
        let plain =
            self.loaded.format == SourceFormat::Json
                && fits
                && edited_len <= source::limits::MAX_BYTES
                && !self.loaded.issues.iter().any(|i| {
                    matches!(i, LoadIssue::DuplicateKey { .. } | LoadIssue::Syntax { .. })
                });
        let Some(root) = self.loaded.root.as_mut().filter(|_| plain) else {
            return false;
        };
        let Some(place) = place_of(root, tokens) else {
            return false;
        };
        let new = match (value, &splice.entry) {
            (Some(value), Some(entry)) => {
                if tokens.len() + depth(value) + 2 >= source::limits::MAX_DEPTH {
                    return false;
                }
                let Some(fragment) = splice.with.get(entry.value.start()..entry.value.end()) else {
                    return false;
                };
                let parsed = source::load(fragment, SourceFormat::Json);
                let Some(node) = parsed.root.filter(|_| parsed.issues.is_empty()) else {
                    return false;
                };
                if node.to_json() != *value {
                    return false;
                }
                Some((node, entry))
            }
            (None, None) => None,
            _ => return false,
        };
        // The spans after the splice are not moved: the log records the splice, and the
        // new value's spans get the coordinates it hands out (the splice's own start
        // while nothing is logged and the length stays).
        let base = self.log.splice(splice.start, splice.end, splice.with.len());
        let new = new.map(|(mut node, entry)| {
            offset(&mut node, base + entry.value.start());
            let key = entry
                .key
                .as_ref()
                .map(|(k, span)| (k.clone(), Span::new(base + span.start(), base + span.end())));
            (node, key)
        });
        if !put(root, place, new) {
            // Unreachable by construction (the place and the value were matched above);
            // should it happen, the tree goes back to a whole parse of the unchanged text.
            self.loaded = source::load(&self.text.to_text(), self.loaded.format);
            self.log = SpanLog::new(self.text.len());
            return false;
        }
        if self.log.full() {
            self.log.compact(root, edited_len);
        }
        true
    }

    /// Re-checks after [`Session::splice_tree`] edited the tree to match `text`: only
    /// what an edit at `tokens` can change (`structural`: a member or an item came or
    /// went).
    /// The text is edited in place: a value retyped to the same length moves no byte
    /// after it.
    fn recheck(&mut self, splice: &Splice, tokens: &[String], structural: bool) -> &[Diagnostic] {
        #[cfg(test)]
        {
            self.spliced += 1;
        }
        let text = self.text.view();
        let old_lines = self.loaded.lines.line_count();
        let spliced = self
            .loaded
            .lines
            .splice(text, splice.start, splice.end, &splice.with);
        let removed_lines = text.count_byte(b'\n', splice.start, splice.end);
        // The CRLF pairs the splice takes out and puts in, with the bytes on either side.
        let (before, after) = (
            splice.start.checked_sub(1).and_then(|i| text.byte(i)),
            text.byte(splice.end),
        );
        let (old_a, old_b) = text.slices(splice.start, splice.end);
        let old_pairs = crlf_pairs(before, [old_a, old_b], after);
        let new_pairs = crlf_pairs(before, [splice.with.as_bytes(), &[]], after);
        self.crlf = (self.crlf + new_pairs).saturating_sub(old_pairs);
        // `splice_tree` checked that both ends are character boundaries.
        self.text.splice(splice.start, splice.end, &splice.with);
        self.flat = OnceCell::new();
        if !spliced {
            self.loaded.lines = LineIndex::new(&self.text.to_text());
        }
        // The lines after the splice move by what the index counts (a lone `\r` is a line
        // break too).
        let line_delta = isize::try_from(self.loaded.lines.line_count()).unwrap_or(0)
            - isize::try_from(old_lines).unwrap_or(0);
        let removed_lines = removed_lines.max(usize::try_from(-line_delta).unwrap_or_default());
        let added_lines = removed_lines.saturating_add_signed(line_delta);
        let lines_moved = line_delta != 0;
        let edit = Edit {
            tokens,
            structural,
            lines_moved,
            log: &self.log,
            splice: Spliced {
                start: splice.start,
                old_end: splice.end,
                new_len: splice.with.len(),
                removed: removed_lines,
                added: added_lines,
            },
        };
        let last = std::mem::take(&mut self.diagnostics);
        self.diagnostics = self.linter.borrow().recheck_session(
            self.text.view(),
            &self.loaded,
            &mut self.parts,
            &edit,
            last,
        );
        &self.diagnostics
    }

    fn commit(&mut self, text: String, loaded: Loaded) -> &[Diagnostic] {
        self.log = SpanLog::new(text.len());
        self.crlf = crlf_count(&text);
        self.diagnostics = self.linter.borrow().check_session(
            text.as_str().into(),
            &loaded,
            &mut self.parts,
            &self.log,
        );
        self.text = GapText::from(text);
        self.flat = OnceCell::new();
        self.loaded = loaded;
        &self.diagnostics
    }

    fn plan_set(
        &self,
        pointer: &str,
        target: Target<'_>,
        value: &serde_json::Value,
    ) -> Result<Splice, EditError> {
        let text = self.text.view();
        let nl = if self.crlf > 0 { "\r\n" } else { "\n" };
        let yaml = self.loaded.format == SourceFormat::Yaml;
        match target {
            Target::Existing(node) => {
                let span = self.log.span(node.span);
                let indent = indent_at(text, span.start());
                let with = if yaml {
                    flow(value)
                } else {
                    pretty(value, &indent, nl)
                };
                Ok(Splice {
                    start: span.start(),
                    end: span.end(),
                    entry: Some(Entry {
                        key: None,
                        value: Span::new(0, with.len()),
                    }),
                    with,
                })
            }
            Target::NewMember { .. } | Target::Append { .. } if yaml => {
                Err(EditError::Unsupported {
                    pointer: pointer.to_owned(),
                })
            }
            Target::NewMember { object, key } => {
                let last = match &object.value {
                    Value::Object(members) => members.last(),
                    _ => None,
                };
                Ok(insert_entry(
                    text,
                    self.log.span(object.span),
                    last.map(|m| {
                        let (key, value) = (self.log.span(m.key_span), self.log.span(m.value.span));
                        (key.start(), value.end())
                    }),
                    Some(key),
                    |indent| pretty(value, indent, nl),
                    nl,
                ))
            }
            Target::Append { array } => {
                let last = match &array.value {
                    Value::Array(items) => items.last(),
                    _ => None,
                };
                Ok(insert_entry(
                    text,
                    self.log.span(array.span),
                    last.map(|n| self.log.span(n.span))
                        .map(|span| (span.start(), span.end())),
                    None,
                    |indent| pretty(value, indent, nl),
                    nl,
                ))
            }
        }
    }
}

/// The splice that adds one entry at the end of an object or array, after `last` (the
/// start and end of the last entry) or into the empty container. A container written
/// on one line stays on one line.
fn insert_entry(
    text: TextRef<'_>,
    container: Span,
    last: Option<(usize, usize)>,
    key: Option<String>,
    value: impl Fn(&str) -> String,
    nl: &str,
) -> Splice {
    let (start, end, lead, indent, trail) = match last {
        Some((first, end)) => {
            let multiline = text.contains_byte(b'\n', container.start(), first);
            if multiline {
                let indent = indent_at(text, first);
                (end, end, format!(",{nl}{indent}"), indent, String::new())
            } else {
                (end, end, ", ".to_owned(), String::new(), String::new())
            }
        }
        None => {
            let outer = indent_at(text, container.start());
            let inner = format!("{outer}  ");
            let span = container;
            let (start, end) = (span.start() + 1, span.end().saturating_sub(1));
            (
                start,
                end,
                format!("{nl}{inner}"),
                inner,
                format!("{nl}{outer}"),
            )
        }
    };
    let mut with = lead;
    let key = key.map(|k| {
        let quoted = serde_json::to_string(&k).unwrap_or_default();
        let span = Span::new(with.len(), with.len() + quoted.len());
        with.push_str(&quoted);
        with.push_str(": ");
        (k, span)
    });
    let value_start = with.len();
    with.push_str(&value(&indent));
    let value = Span::new(value_start, with.len());
    with.push_str(&trail);
    Splice {
        start,
        end,
        with,
        entry: Some(Entry { key, value }),
    }
}

/// Puts the new value (and key) at `place`, or removes the child there (`new` is
/// `None`). False when the place does not fit the tree.
fn put(root: &mut Node, place: Place, new: Option<(Node, Option<(String, Span)>)>) -> bool {
    match (place, new) {
        (Place::Root, Some((node, None))) => {
            *root = node;
            true
        }
        (Place::Child { path, index }, new) => {
            let Some(container) = node_mut(root, &path) else {
                return false;
            };
            match (&mut container.value, new) {
                (Value::Object(members), Some((node, None))) => {
                    members.get_mut(index).map(|m| m.value = node).is_some()
                }
                (Value::Array(items), Some((node, None))) => {
                    items.get_mut(index).map(|item| *item = node).is_some()
                }
                (Value::Object(members), None) if index < members.len() => {
                    members.remove(index);
                    true
                }
                (Value::Array(items), None) if index < items.len() => {
                    items.remove(index);
                    true
                }
                _ => false,
            }
        }
        (Place::Push { path }, Some((node, key))) => {
            let Some(container) = node_mut(root, &path) else {
                return false;
            };
            match (&mut container.value, key) {
                (Value::Object(members), Some((key, key_span))) => {
                    members.push(Member {
                        key: source::from_string(key),
                        key_span,
                        value: node,
                    });
                    true
                }
                (Value::Array(items), None) => {
                    items.push(node);
                    true
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Adds `by` to every span of a tree parsed alone (a fragment placed at `by`).
fn offset(node: &mut Node, by: usize) {
    node.span = Span::new(node.span.start() + by, node.span.end() + by);
    match &mut node.value {
        Value::Object(members) => {
            for m in members {
                m.key_span = Span::new(m.key_span.start() + by, m.key_span.end() + by);
                offset(&mut m.value, by);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| offset(item, by)),
        _ => {}
    }
}

/// How deep a value nests (a scalar is 0).
fn depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Where `tokens` land, by child index (the last member of a duplicated key, as
/// pointers resolve).
fn place_of(root: &Node, tokens: &[String]) -> Option<Place> {
    let Some((last, parents)) = tokens.split_last() else {
        return Some(Place::Root);
    };
    let mut path = Vec::with_capacity(parents.len());
    let mut node = root;
    for token in parents {
        let i = child_index(node, token)?;
        path.push(i);
        node = match &node.value {
            Value::Object(members) => &members.get(i)?.value,
            Value::Array(items) => items.get(i)?,
            _ => return None,
        };
    }
    Some(match (&node.value, child_index(node, last)) {
        (_, Some(index)) => Place::Child { path, index },
        (Value::Object(_), None) => Place::Push { path },
        (Value::Array(items), None) if last == "-" || last.parse() == Ok(items.len()) => {
            Place::Push { path }
        }
        _ => return None,
    })
}

fn child_index(node: &Node, token: &str) -> Option<usize> {
    match &node.value {
        Value::Object(members) => members.iter().rposition(|m| m.key == token),
        Value::Array(items) => token.parse::<usize>().ok().filter(|&i| i < items.len()),
        _ => None,
    }
}

fn node_mut<'n>(root: &'n mut Node, path: &[usize]) -> Option<&'n mut Node> {
    path.iter()
        .try_fold(root, |node, &i| match &mut node.value {
            Value::Object(members) => members.get_mut(i).map(|m| &mut m.value),
            Value::Array(items) => items.get_mut(i),
            _ => None,
        })
}

/// The text with `splice` applied, as one string (for a whole parse).
fn apply(text: TextRef<'_>, splice: &Splice) -> String {
    text.join(splice.start, &splice.with, splice.end)
}

/// The CRLF line ends of `text`.
fn crlf_count(text: &str) -> usize {
    crlf_pairs(None, [text.as_bytes(), &[]], None)
}

/// The CRLF pairs in `runs`, with the byte before and after them.
fn crlf_pairs(before: Option<u8>, runs: [&[u8]; 2], after: Option<u8>) -> usize {
    let [a, b] = runs;
    let mut last = before.unwrap_or_default();
    let mut n = 0;
    for &c in a.iter().chain(b).chain(after.as_ref()) {
        n += usize::from(last == b'\r' && c == b'\n');
        last = c;
    }
    n
}

fn has_syntax_issue(loaded: &Loaded) -> bool {
    loaded
        .issues
        .iter()
        .any(|i| matches!(i, LoadIssue::Syntax { .. }))
}

/// The leading whitespace of the line holding byte `at`.
fn indent_at(text: TextRef<'_>, at: usize) -> String {
    let line_start = text.rfind_byte(b'\n', at).map_or(0, |i| i + 1);
    (line_start..text.len())
        .map_while(|i| text.byte(i).filter(|&b| b == b' ' || b == b'\t'))
        .map(char::from)
        .collect()
}

/// One JSON scalar (or an empty container) as compact JSON text.
fn scalar(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `value` as two-space-indented JSON (what `JSON.stringify(value, null, 2)` and
/// `serde_json::to_string_pretty` write), every line after the first indented by
/// `indent`. Written here rather than with `to_string_pretty`, whose pretty serialiser
/// would add a second copy of serde_json's writer to the WASM module (budget: 300 KB).
fn pretty(value: &serde_json::Value, indent: &str, nl: &str) -> String {
    fn write(value: &serde_json::Value, line_start: &str, out: &mut String, nl: &str) {
        let inner = format!("{line_start}  ");
        match value {
            serde_json::Value::Array(items) if !items.is_empty() => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    out.push_str(nl);
                    out.push_str(&inner);
                    write(item, &inner, out, nl);
                }
                out.push_str(nl);
                out.push_str(line_start);
                out.push(']');
            }
            serde_json::Value::Object(members) if !members.is_empty() => {
                out.push('{');
                for (i, (key, item)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    out.push_str(nl);
                    out.push_str(&inner);
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push_str(": ");
                    write(item, &inner, out, nl);
                }
                out.push_str(nl);
                out.push_str(line_start);
                out.push('}');
            }
            other => out.push_str(&scalar(other)),
        }
    }
    let mut out = String::new();
    write(value, indent, &mut out, nl);
    out
}

/// `value` as one line of JSON with spaces after `:` and `,`: valid YAML flow syntax in
/// block and flow context alike.
fn flow(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        serde_json::Value::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        serde_json::to_string(k).unwrap_or_default(),
                        flow(v)
                    )
                })
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        other => scalar(other),
    }
}

/// The unescaped tokens of an RFC 6901 pointer.
fn parse_pointer(pointer: &str) -> Result<Vec<String>, EditError> {
    let invalid = || EditError::InvalidPointer {
        pointer: pointer.to_owned(),
    };
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(invalid());
    };
    rest.split('/')
        .map(|raw| {
            let mut token = String::with_capacity(raw.len());
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                if c == '~' {
                    match chars.next() {
                        Some('0') => token.push('~'),
                        Some('1') => token.push('/'),
                        _ => return Err(invalid()),
                    }
                } else {
                    token.push(c);
                }
            }
            Ok(token)
        })
        .collect()
}

/// The pointer of the first `n` tokens, for messages.
fn join(tokens: &[String]) -> String {
    tokens
        .iter()
        .fold(source::Pointer::root(), |p, t| p.key(t))
        .to_string()
}

/// An array index token: `0` or digits without a leading zero, or `-` (the length).
fn array_index(pointer: &str, token: &str, len: usize) -> Result<usize, EditError> {
    if token == "-" {
        return Ok(len);
    }
    let well_formed = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    let index = well_formed.then(|| token.parse::<usize>().ok()).flatten();
    let index = index.ok_or_else(|| EditError::NotAnIndex {
        pointer: pointer.to_owned(),
        token: token.to_owned(),
    })?;
    if index > len {
        return Err(EditError::IndexOutOfRange {
            pointer: pointer.to_owned(),
            index,
            len,
        });
    }
    Ok(index)
}

/// The node the parent tokens lead to; every one must exist.
fn walk<'n>(root: &'n Node, pointer: &str, tokens: &[String]) -> Result<&'n Node, EditError> {
    let mut node = root;
    for (depth, token) in tokens.iter().enumerate() {
        let here = || join(tokens.get(..depth).unwrap_or_default());
        let missing = || EditError::MissingParent {
            pointer: pointer.to_owned(),
            parent: join(tokens.get(..=depth).unwrap_or_default()),
        };
        node = match &node.value {
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == *token)
                .map(|m| &m.value)
                .ok_or_else(missing)?,
            Value::Array(items) => {
                let i = array_index(pointer, token, items.len()).map_err(|e| match e {
                    EditError::IndexOutOfRange { .. } => missing(),
                    e => e,
                })?;
                items.get(i).ok_or_else(missing)?
            }
            other => {
                return Err(EditError::NotAContainer {
                    pointer: pointer.to_owned(),
                    parent: here(),
                    found: other.type_name(),
                })
            }
        };
    }
    Ok(node)
}

/// Where `set` lands: the existing value, or a new member or item of its parent.
fn resolve<'n>(root: &'n Node, pointer: &str, tokens: &[String]) -> Result<Target<'n>, EditError> {
    let Some((last, parents)) = tokens.split_last() else {
        return Ok(Target::Existing(root));
    };
    let parent = walk(root, pointer, parents)?;
    match &parent.value {
        Value::Object(members) => Ok(members.iter().rev().find(|m| m.key == *last).map_or_else(
            || Target::NewMember {
                object: parent,
                key: last.clone(),
            },
            |m| Target::Existing(&m.value),
        )),
        Value::Array(items) => {
            let i = array_index(pointer, last, items.len())?;
            Ok(items
                .get(i)
                .map_or(Target::Append { array: parent }, Target::Existing))
        }
        other => Err(EditError::NotAContainer {
            pointer: pointer.to_owned(),
            parent: join(parents),
            found: other.type_name(),
        }),
    }
}

/// The node at `tokens` (`-` as the last item), when it exists.
fn node_at<'n>(root: &'n Node, tokens: &[String]) -> Option<&'n Node> {
    tokens
        .iter()
        .try_fold(root, |node, token| match &node.value {
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == *token)
                .map(|m| &m.value),
            Value::Array(items) if token == "-" => items.last(),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
