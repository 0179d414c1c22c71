//! The rule language's syntax: a tokenizer and a recursive-descent parser with hard limits
//! on length, node count and nesting, so that a hostile rule file is rejected quickly.
//!
//! ```text
//! rule    := ["for" "each" POINTER ":"] expr
//! expr    := "if" or "then" or | or
//! or      := and ("or" and)*            and := not ("and" not)*
//! not     := "not" not | cmp            cmp := sum [("=="|"!="|"<"|"<="|">"|">=") sum]
//! sum     := prod (("+"|"-") prod)*     prod := unary ("*" unary)*
//! unary   := "-" unary | atom
//! atom    := INTEGER | STRING | "true" | "false" | path | NAME "(" args ")" | "(" expr ")"
//! path    := ["$" "."] NAME ("." NAME)*       ($ is the document root)
//! ```

use super::error::RuleErrorKind;
use std::fmt;

/// Longest rule text accepted, in bytes.
pub const MAX_SOURCE: usize = 4096;
/// Most syntax nodes in one rule.
pub const MAX_NODES: usize = 256;
/// Deepest nesting of one rule.
pub const MAX_DEPTH: usize = 32;

/// A parse error with its 1-based position in the rule's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: RuleErrorKind,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.line,
            self.column,
            self.kind.message(crate::i18n::Lang::En)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinOp {
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::And => "and",
            Self::Or => "or",
        }
    }

    #[must_use]
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            Self::Eq | Self::Ne | Self::Lt | Self::Le | Self::Gt | Self::Ge
        )
    }
}

/// A field path: relative to the scope element, or from the document root (`$.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub from_root: bool,
    pub segments: Vec<String>,
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from_root {
            f.write_str("$.")?;
        }
        f.write_str(&self.segments.join("."))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Int(i128),
    Str(String),
    Bool(bool),
    Path(Path),
    Call(String, Vec<Ast>),
    Neg(Box<Ast>),
    Not(Box<Ast>),
    Binary(BinOp, Box<Ast>, Box<Ast>),
    If(Box<Ast>, Box<Ast>),
}

/// A syntax node with the byte range of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Ast {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// A parsed rule: an optional `for each` scope and the condition that must hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub scope: Option<String>,
    pub body: Ast,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Int(i128),
    Str(String),
    Name(String),
    Pointer(String),
    Sym(&'static str),
    End,
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<(Tok, usize, usize)>,
    at: usize,
    nodes: usize,
    depth: usize,
}

fn position(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset.min(src.len())).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn error(src: &str, offset: usize, kind: RuleErrorKind) -> SyntaxError {
    let (line, column) = position(src, offset);
    SyntaxError {
        kind,
        offset,
        line,
        column,
    }
}

const SYMBOLS: [&str; 16] = [
    "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "(", ")", ",", ".", ":", "$", "=",
];

/// Where the run of bytes from `i` that `keep` accepts ends.
fn run_end(bytes: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while bytes.get(i).is_some_and(|&c| keep(c)) {
        i += 1;
    }
    i
}

fn tokenize(src: &str) -> Result<Vec<(Tok, usize, usize)>, SyntaxError> {
    let bytes = src.as_bytes();
    let word = |start: usize, end: usize| src.get(start..end).unwrap_or_default().to_owned();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b == b'#' {
            i = run_end(bytes, i, |c| c != b'\n');
            continue;
        }
        if b.is_ascii_digit() {
            i = run_end(bytes, i, |c| c.is_ascii_digit() || c == b'_');
            let digits: String = src
                .get(start..i)
                .unwrap_or_default()
                .chars()
                .filter(|c| *c != '_')
                .collect();
            let value = digits
                .parse::<i128>()
                .ok()
                .filter(|v| *v <= 1_000_000_000_000_000_000)
                .ok_or_else(|| error(src, start, RuleErrorKind::NumberTooLarge))?;
            out.push((Tok::Int(value), start, i));
            continue;
        }
        if b.is_ascii_alphabetic() || b == b'_' {
            i = run_end(bytes, i, |c| c.is_ascii_alphanumeric() || c == b'_');
            out.push((Tok::Name(word(start, i)), start, i));
            continue;
        }
        if b == b'/' {
            i = run_end(bytes, i, |c| !c.is_ascii_whitespace() && c != b':');
            out.push((Tok::Pointer(word(start, i)), start, i));
            continue;
        }
        if b == b'"' {
            i += 1;
            while bytes.get(i).is_some_and(|&c| c != b'"' && c != b'\n') {
                i += 1;
            }
            if bytes.get(i) != Some(&b'"') {
                return Err(error(src, start, RuleErrorKind::UnterminatedString));
            }
            i += 1;
            out.push((
                Tok::Str(src.get(start + 1..i - 1).unwrap_or_default().to_owned()),
                start,
                i,
            ));
            continue;
        }
        let rest = src.get(i..).unwrap_or_default();
        let Some(sym) = SYMBOLS.iter().find(|s| rest.starts_with(**s)) else {
            let c = rest.chars().next().unwrap_or(' ');
            return Err(error(
                src,
                start,
                RuleErrorKind::UnexpectedChar { found: c },
            ));
        };
        if *sym == "=" {
            return Err(error(src, start, RuleErrorKind::SingleEquals));
        }
        i += sym.len();
        out.push((Tok::Sym(sym), start, i));
    }
    out.push((Tok::End, src.len(), src.len()));
    Ok(out)
}

/// Parses one rule.
///
/// # Errors
/// A [`SyntaxError`] with the position in `src` of the first problem.
pub fn parse(src: &str) -> Result<Program, SyntaxError> {
    if src.len() > MAX_SOURCE {
        return Err(error(
            src,
            MAX_SOURCE,
            RuleErrorKind::TooLong { limit: MAX_SOURCE },
        ));
    }
    let toks = tokenize(src)?;
    let mut p = Parser {
        src,
        toks,
        at: 0,
        nodes: 0,
        depth: 0,
    };
    let mut scope = None;
    if p.peek_name("for") {
        p.at += 1;
        p.expect_name("each")?;
        match p.next() {
            (Tok::Pointer(ptr), _, _) => scope = Some(ptr),
            (_, s, _) => return Err(error(src, s, RuleErrorKind::ExpectedPointer)),
        }
        p.expect_sym(":")?;
    }
    let body = p.expr()?;
    match p.peek() {
        (Tok::End, _, _) => Ok(Program {
            scope,
            body,
            source: src.to_owned(),
        }),
        (_, s, _) => Err(error(src, *s, RuleErrorKind::ExpectedEnd)),
    }
}

impl Parser<'_> {
    fn peek(&self) -> &(Tok, usize, usize) {
        self.toks
            .get(self.at)
            .or(self.toks.last())
            .unwrap_or(&(Tok::End, 0, 0))
    }

    fn next(&mut self) -> (Tok, usize, usize) {
        let t = self.peek().clone();
        self.at += 1;
        t
    }

    fn peek_name(&self, name: &str) -> bool {
        matches!(&self.peek().0, Tok::Name(n) if n == name)
    }

    fn peek_sym(&self, sym: &str) -> bool {
        matches!(&self.peek().0, Tok::Sym(s) if *s == sym)
    }

    fn expect_name(&mut self, name: &str) -> Result<(), SyntaxError> {
        if self.peek_name(name) {
            self.at += 1;
            Ok(())
        } else {
            Err(error(
                self.src,
                self.peek().1,
                RuleErrorKind::Expected {
                    token: name.to_owned(),
                },
            ))
        }
    }

    fn expect_sym(&mut self, sym: &str) -> Result<usize, SyntaxError> {
        if self.peek_sym(sym) {
            let end = self.peek().2;
            self.at += 1;
            Ok(end)
        } else {
            Err(error(
                self.src,
                self.peek().1,
                RuleErrorKind::Expected {
                    token: sym.to_owned(),
                },
            ))
        }
    }

    fn node(&mut self, kind: Kind, start: usize, end: usize) -> Result<Ast, SyntaxError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(error(
                self.src,
                start,
                RuleErrorKind::TooManyParts { limit: MAX_NODES },
            ));
        }
        Ok(Ast { kind, start, end })
    }

    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, SyntaxError>,
    ) -> Result<T, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(error(
                self.src,
                self.peek().1,
                RuleErrorKind::TooDeep { limit: MAX_DEPTH },
            ));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn expr(&mut self) -> Result<Ast, SyntaxError> {
        self.nested(|p| {
            if p.peek_name("if") {
                let start = p.next().1;
                let cond = p.or()?;
                p.expect_name("then")?;
                let then = p.or()?;
                let end = then.end;
                return p.node(Kind::If(Box::new(cond), Box::new(then)), start, end);
            }
            p.or()
        })
    }

    fn binary_chain(
        &mut self,
        ops: &[(&str, BinOp)],
        next: fn(&mut Self) -> Result<Ast, SyntaxError>,
    ) -> Result<Ast, SyntaxError> {
        let mut lhs = next(self)?;
        loop {
            let op = ops.iter().find(|(word, _)| match &self.peek().0 {
                Tok::Sym(s) => s == word,
                Tok::Name(n) => n == word,
                _ => false,
            });
            let Some(&(_, op)) = op else { return Ok(lhs) };
            self.at += 1;
            let rhs = self.nested(next)?;
            let (start, end) = (lhs.start, rhs.end);
            lhs = self.node(Kind::Binary(op, Box::new(lhs), Box::new(rhs)), start, end)?;
        }
    }

    fn or(&mut self) -> Result<Ast, SyntaxError> {
        self.binary_chain(&[("or", BinOp::Or)], Self::and)
    }

    fn and(&mut self) -> Result<Ast, SyntaxError> {
        self.binary_chain(&[("and", BinOp::And)], Self::not)
    }

    fn not(&mut self) -> Result<Ast, SyntaxError> {
        if self.peek_name("not") {
            return self.prefix(Kind::Not, Self::not);
        }
        self.cmp()
    }

    /// A prefix operator (the next token) and its operand, read by `operand`.
    fn prefix(
        &mut self,
        wrap: fn(Box<Ast>) -> Kind,
        operand: fn(&mut Self) -> Result<Ast, SyntaxError>,
    ) -> Result<Ast, SyntaxError> {
        let start = self.next().1;
        let inner = self.nested(operand)?;
        let end = inner.end;
        self.node(wrap(Box::new(inner)), start, end)
    }

    fn cmp(&mut self) -> Result<Ast, SyntaxError> {
        let lhs = self.sum()?;
        let ops = [
            ("==", BinOp::Eq),
            ("!=", BinOp::Ne),
            ("<=", BinOp::Le),
            (">=", BinOp::Ge),
            ("<", BinOp::Lt),
            (">", BinOp::Gt),
        ];
        let Some(&(_, op)) = ops.iter().find(|(s, _)| self.peek_sym(s)) else {
            return Ok(lhs);
        };
        self.at += 1;
        let rhs = self.sum()?;
        if ops.iter().any(|(s, _)| self.peek_sym(s)) {
            return Err(error(
                self.src,
                self.peek().1,
                RuleErrorKind::ChainedComparison,
            ));
        }
        let (start, end) = (lhs.start, rhs.end);
        self.node(Kind::Binary(op, Box::new(lhs), Box::new(rhs)), start, end)
    }

    fn sum(&mut self) -> Result<Ast, SyntaxError> {
        self.binary_chain(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::prod)
    }

    fn prod(&mut self) -> Result<Ast, SyntaxError> {
        self.binary_chain(&[("*", BinOp::Mul)], Self::unary)
    }

    fn unary(&mut self) -> Result<Ast, SyntaxError> {
        if self.peek_sym("-") {
            return self.prefix(Kind::Neg, Self::unary);
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Ast, SyntaxError> {
        let (tok, start, end) = self.next();
        match tok {
            Tok::Int(v) => self.node(Kind::Int(v), start, end),
            Tok::Str(s) => self.node(Kind::Str(s), start, end),
            Tok::Sym("(") => {
                let inner = self.expr()?;
                let end = self.expect_sym(")")?;
                Ok(Ast {
                    start,
                    end,
                    ..inner
                })
            }
            Tok::Sym("$") => {
                self.expect_sym(".")?;
                let (segments, end) = self.path_rest()?;
                self.node(
                    Kind::Path(Path {
                        from_root: true,
                        segments,
                    }),
                    start,
                    end,
                )
            }
            Tok::Name(name) if name == "true" || name == "false" => {
                self.node(Kind::Bool(name == "true"), start, end)
            }
            Tok::Name(name)
                if ["if", "then", "and", "or", "not", "for", "each"].contains(&name.as_str()) =>
            {
                Err(error(
                    self.src,
                    start,
                    RuleErrorKind::KeywordAsValue {
                        keyword: name.clone(),
                    },
                ))
            }
            Tok::Name(name) if self.peek_sym("(") => {
                self.at += 1;
                let mut args = Vec::new();
                if !self.peek_sym(")") {
                    loop {
                        args.push(self.expr()?);
                        if !self.peek_sym(",") {
                            break;
                        }
                        self.at += 1;
                    }
                }
                let end = self.expect_sym(")")?;
                self.node(Kind::Call(name, args), start, end)
            }
            Tok::Name(_) => {
                self.at -= 1;
                let (segments, end) = self.path_rest()?;
                self.node(
                    Kind::Path(Path {
                        from_root: false,
                        segments,
                    }),
                    start,
                    end,
                )
            }
            Tok::End => Err(error(self.src, start, RuleErrorKind::ValueAtEnd)),
            _ => Err(error(self.src, start, RuleErrorKind::ExpectedValue)),
        }
    }

    fn path_rest(&mut self) -> Result<(Vec<String>, usize), SyntaxError> {
        let mut segments = Vec::new();
        loop {
            match self.next() {
                (Tok::Name(n), _, end) => {
                    segments.push(n);
                    if !self.peek_sym(".") {
                        return Ok((segments, end));
                    }
                    self.at += 1;
                }
                (_, s, _) => return Err(error(self.src, s, RuleErrorKind::ExpectedFieldName)),
            }
        }
    }
}
