//! `pattern`: the anchored ASCII patterns a schema uses (`^[0-9]{4}/[0-9]{2}$`,
//! `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`), decided by a position automaton in a few
//! instructions per byte.
//!
//! Why hand-written: regex-lite has only a PikeVM (about 3,800 instructions for a
//! seven-byte fiscal year, most of the validator's time on a report) and costs about
//! 25 KB gzipped; the `regex` crate's faster engines cost about 100 KB; the WASM module
//! is at its size ceiling (`wasm/scripts/size.sh`). The schemas are naplint's own,
//! generated from the model, so the syntax they need is small and exactly defined;
//! compiling a schema with any other pattern fails with [`super::SchemaError::Pattern`]
//! (a test compiles both committed schemas), so no pattern is ever decided differently
//! from the regex crates:
//!
//! - the pattern is `^R$` (`^` first, an unescaped `$` last, no `|` outside a group),
//!   so a match is "the whole string is in the language of `R`" (in Rust's regex
//!   syntax, `^` and `$` without the `m` flag match only at the ends of the text);
//! - `R` holds only ASCII literals, escaped meta characters, `\d`, `\w`, `\s` (ASCII, as
//!   in regex-lite), non-negated classes of those and of ranges, groups `(…)` and
//!   `(?:…)`, `|` inside groups, and the greedy quantifiers `?`, `*`, `+`, `{n}`, `{n,}`,
//!   `{n,m}`;
//! - after counted repetitions are written out it has at most 64 positions.
//!
//! Every position matches ASCII bytes only, so a string with a non-ASCII character
//! never matches (only `.`, a negated class or the character itself could match it, and
//! those are outside the syntax). A test compares the automaton with regex-lite on the
//! schemas' patterns and others over exhaustive and pseudo-random strings.

/// A compiled `pattern`: its text and its automaton.
#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) source: String,
    automaton: Automaton,
}

impl Pattern {
    /// Compiles a pattern; `None` when it is outside the syntax above.
    pub(super) fn new(source: &str) -> Option<Self> {
        Some(Self {
            source: source.to_owned(),
            automaton: Automaton::new(source)?,
        })
    }

    pub(super) fn is_match(&self, s: &str) -> bool {
        self.automaton.is_match(s)
    }
}

/// The most positions an automaton has: its state is one bit per position.
const MAX_POSITIONS: usize = 64;
/// The largest bound of a counted repetition written out.
const MAX_REPEAT: u32 = 64;

/// A parsed pattern: sets of ASCII characters and how they combine.
#[derive(Debug, Clone)]
enum Ast {
    /// One character out of a set (bit `c` for ASCII `c`).
    Set(u128),
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    Repeat(Box<Ast>, u32, Option<u32>),
}

/// The parser of the covered syntax: `None` for anything outside it.
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// `a|b|…`; `top` forbids `|` (outside a group it would bind the anchors).
    fn alternation(&mut self, top: bool) -> Option<Ast> {
        let mut alts = vec![self.concat()?];
        while self.peek() == Some(b'|') {
            if top {
                return None;
            }
            self.at += 1;
            alts.push(self.concat()?);
        }
        Some(if alts.len() == 1 {
            alts.pop()?
        } else {
            Ast::Alt(alts)
        })
    }

    fn concat(&mut self) -> Option<Ast> {
        let mut items = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Some(Ast::Concat(items))
    }

    fn atom(&mut self) -> Option<Ast> {
        match self.next()? {
            b'(' => {
                if self.peek() == Some(b'?') {
                    self.at += 1;
                    if self.next()? != b':' {
                        return None;
                    }
                }
                let inner = self.alternation(false)?;
                (self.next()? == b')').then_some(inner)
            }
            b'[' => self.class(),
            b'\\' => escape_set(self.next()?).map(Ast::Set),
            c => literal(c).map(|c| Ast::Set(bit(c))),
        }
    }

    /// A class `[…]` of literals and ranges (the `[` read). Negation, a `]` first,
    /// nested classes (`[[:alpha:]]`) and set operations (`&&`, `--`, `~~`) are left to
    /// regex-lite.
    fn class(&mut self) -> Option<Ast> {
        let mut set = 0u128;
        let mut first = true;
        loop {
            let c = match self.next()? {
                b']' if !first => return Some(Ast::Set(set)),
                b'^' | b'[' | b']' | b'&' | b'~' => return None,
                b'\\' => match self.next()? {
                    e @ (b'd' | b'w' | b's') => {
                        set |= escape_set(e)?;
                        first = false;
                        // `[\d-z]` is no range.
                        if self.peek() == Some(b'-') && self.bytes.get(self.at + 1) != Some(&b']') {
                            return None;
                        }
                        continue;
                    }
                    e => escaped(e)?,
                },
                c => class_literal(c)?,
            };
            first = false;
            let range = self.peek() == Some(b'-') && self.bytes.get(self.at + 1) != Some(&b']');
            if c == b'-' && self.peek() == Some(b'-') {
                return None;
            }
            let hi = if range {
                self.at += 1;
                match self.next()? {
                    b'\\' => escaped(self.next()?)?,
                    b'^' | b'[' | b']' | b'&' | b'~' | b'-' => return None,
                    h => class_literal(h)?,
                }
            } else {
                c
            };
            if hi < c {
                return None;
            }
            for x in c..=hi {
                set |= bit(x);
            }
        }
    }

    fn quantified(&mut self, atom: Ast) -> Option<Ast> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') => {
                self.at += 1;
                let min = self.number()?;
                let max = match self.next()? {
                    b'}' => Some(min),
                    b',' if self.peek() == Some(b'}') => {
                        self.at += 1;
                        None
                    }
                    b',' => {
                        let max = self.number()?;
                        (self.next()? == b'}').then_some(())?;
                        Some(max)
                    }
                    _ => return None,
                };
                if max.is_some_and(|m| m < min) || min > MAX_REPEAT {
                    return None;
                }
                return self.no_more_quantifiers(Ast::Repeat(Box::new(atom), min, max));
            }
            _ => return Some(atom),
        };
        self.at += 1;
        self.no_more_quantifiers(Ast::Repeat(Box::new(atom), min, max))
    }

    /// A lazy `?` or a second quantifier are left to regex-lite.
    fn no_more_quantifiers(&self, ast: Ast) -> Option<Ast> {
        match self.peek() {
            Some(b'?' | b'*' | b'+' | b'{') => None,
            _ => Some(ast),
        }
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = self.bytes.get(start..self.at)?;
        if digits.is_empty() || digits.len() > 3 {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    }
}

/// `\d`, `\w`, `\s` (ASCII only, as in regex-lite) or an escaped meta character.
fn escape_set(c: u8) -> Option<u128> {
    let range = |lo: u8, hi: u8| (lo..=hi).fold(0u128, |m, c| m | bit(c));
    Some(match c {
        b'd' => range(b'0', b'9'),
        b'w' => range(b'0', b'9') | range(b'A', b'Z') | range(b'a', b'z') | bit(b'_'),
        // `\t \n \v \f \r` and space.
        b's' => range(9, 13) | bit(b' '),
        c => bit(escaped(c)?),
    })
}

fn bit(c: u8) -> u128 {
    1u128 << (c & 0x7f)
}

/// A character that stands for itself outside a class.
fn literal(c: u8) -> Option<u8> {
    (c.is_ascii_alphanumeric() || b" -/_:,;@#%=!'\"<>&~`".contains(&c)).then_some(c)
}

/// A character that stands for itself inside a class (besides `-` at either end).
fn class_literal(c: u8) -> Option<u8> {
    (c.is_ascii_alphanumeric() || b" -/_:,;@#%=!'\".+*?(){}|$<>`".contains(&c)).then_some(c)
}

/// An escaped meta character is that character; `\d`, `\w`, `\b`, `\<` and the like
/// are left to regex-lite.
fn escaped(c: u8) -> Option<u8> {
    b".+*?()|[]{}^$\\-/#&~".contains(&c).then_some(c)
}

/// A position automaton (Glushkov): one state bit per character position of the
/// pattern, so a step is a few bit operations and a match is linear in the string.
#[derive(Debug)]
struct Automaton {
    /// Per ASCII byte, the positions whose set holds it.
    by_byte: Vec<u64>,
    /// Per position, the positions that may follow it.
    follow: Vec<u64>,
    first: u64,
    last: u64,
    nullable: bool,
}

/// What a fragment of the pattern contributes: whether it matches the empty string,
/// the positions it may start and end with.
#[derive(Clone, Copy)]
struct Frag {
    nullable: bool,
    first: u64,
    last: u64,
}

const EMPTY: Frag = Frag {
    nullable: true,
    first: 0,
    last: 0,
};

struct Builder {
    sets: Vec<u128>,
    follow: Vec<u64>,
    /// Fragments left to build: nested repetitions of empty fragments (`((a{0}){64}){64}`)
    /// add no position but would still take time.
    budget: usize,
}

impl Builder {
    fn link(&mut self, from: u64, to: u64) {
        for (p, f) in self.follow.iter_mut().enumerate() {
            if from & (1u64 << p) != 0 {
                *f |= to;
            }
        }
    }

    fn concat(&mut self, a: Frag, b: Frag) -> Frag {
        self.link(a.last, b.first);
        Frag {
            nullable: a.nullable && b.nullable,
            first: a.first | if a.nullable { b.first } else { 0 },
            last: b.last | if b.nullable { a.last } else { 0 },
        }
    }

    /// Numbers the positions of `ast` (each copy of a repetition anew).
    fn build(&mut self, ast: &Ast) -> Option<Frag> {
        self.budget = self.budget.checked_sub(1)?;
        Some(match ast {
            Ast::Set(set) => {
                let p = self.sets.len();
                if p >= MAX_POSITIONS {
                    return None;
                }
                self.sets.push(*set);
                self.follow.push(0);
                Frag {
                    nullable: false,
                    first: 1 << p,
                    last: 1 << p,
                }
            }
            Ast::Concat(items) => {
                let mut acc = EMPTY;
                for item in items {
                    let f = self.build(item)?;
                    acc = self.concat(acc, f);
                }
                acc
            }
            Ast::Alt(alts) => {
                let mut acc = Frag {
                    nullable: false,
                    first: 0,
                    last: 0,
                };
                for alt in alts {
                    let f = self.build(alt)?;
                    acc = Frag {
                        nullable: acc.nullable || f.nullable,
                        first: acc.first | f.first,
                        last: acc.last | f.last,
                    };
                }
                acc
            }
            Ast::Repeat(inner, min, max) => {
                let mut acc = EMPTY;
                for _ in 0..*min {
                    let f = self.build(inner)?;
                    acc = self.concat(acc, f);
                }
                match max {
                    None => {
                        let f = self.build(inner)?;
                        self.link(f.last, f.first);
                        let star = Frag {
                            nullable: true,
                            ..f
                        };
                        acc = self.concat(acc, star);
                    }
                    Some(max) => {
                        for _ in *min..*max {
                            let f = self.build(inner)?;
                            let optional = Frag {
                                nullable: true,
                                ..f
                            };
                            acc = self.concat(acc, optional);
                        }
                    }
                }
                acc
            }
        })
    }
}

impl Automaton {
    /// The automaton of `pattern`, or `None` when it is outside the covered syntax.
    fn new(pattern: &str) -> Option<Self> {
        if !pattern.is_ascii() {
            return None;
        }
        let inner = pattern.strip_prefix('^')?.strip_suffix('$')?;
        // `\$` at the end is a literal dollar, not the anchor.
        let backslashes = inner.bytes().rev().take_while(|&b| b == b'\\').count();
        if backslashes % 2 == 1 {
            return None;
        }
        let mut parser = Parser {
            bytes: inner.as_bytes(),
            at: 0,
        };
        let ast = parser.alternation(true)?;
        if parser.at != inner.len() {
            return None;
        }
        let mut b = Builder {
            sets: Vec::new(),
            follow: Vec::new(),
            budget: 4_096,
        };
        let frag = b.build(&ast)?;
        let mut by_byte = vec![0u64; 128];
        for (p, set) in b.sets.iter().enumerate() {
            let mut rest = *set;
            while rest != 0 {
                if let Some(m) = by_byte.get_mut(rest.trailing_zeros() as usize) {
                    *m |= 1 << p;
                }
                rest &= rest - 1;
            }
        }
        Some(Self {
            by_byte,
            follow: b.follow,
            first: frag.first,
            last: frag.last,
            nullable: frag.nullable,
        })
    }

    fn is_match(&self, s: &str) -> bool {
        let mut bytes = s.bytes();
        let Some(b) = bytes.next() else {
            return self.nullable;
        };
        let mut state = self.first & self.at(b);
        for b in bytes {
            if state == 0 {
                return false;
            }
            let mut next = 0;
            let mut rest = state;
            while rest != 0 {
                next |= self
                    .follow
                    .get(rest.trailing_zeros() as usize)
                    .copied()
                    .unwrap_or(0);
                rest &= rest - 1;
            }
            state = next & self.at(b);
        }
        state & self.last != 0
    }

    /// The positions that accept byte `b` (none for a non-ASCII byte).
    fn at(&self, b: u8) -> u64 {
        self.by_byte.get(usize::from(b)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
    use super::Automaton;

    /// Every pattern of the committed schemas, and others that exercise the syntax.
    const PATTERNS: &[&str] = &[
        "^[0-9]+\\.[0-9]+$",
        "^[A-Z]{3}$",
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "^[0-9]+\\.[0-9]+\\.[0-9]+$",
        "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
        "^[0-9]{4}/[0-9]{2}$",
        "^[A-Z]{2}$",
        "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        "^[0-9]+$",
        "^[a-z0-9]+(-[a-z0-9]+)*$",
        "^$",
        "^a?$",
        "^(?:ab|a)*b{2,3}$",
        "^(a|)+$",
        "^[-a]{0,2}[b-]{1,}$",
        "^x{0}y$",
        "^(a*)*$",
        "^\\$\\.\\\\$",
        "^[\\]a]$",
        "^(ab?){2}c$",
        "^\\d{2}\\w\\s?[\\d_-]$",
        "^[\\s\\w]+$",
    ];

    /// Patterns outside the covered syntax (valid for regex-lite), which a schema cannot use.
    const SLOW: &[&str] = &[
        "^.$",
        "^\\D+$",
        "^a|b$",
        "^[^a]$",
        "(?i)^a$",
        "^(?i)a$",
        "a",
        "^a",
        "^a\\$",
        "^é$",
        "^a+?$",
        "^[[:alpha:]]$",
        "^a{1,100}$",
        "^[a-z]{40}[0-9]{40}$",
    ];

    /// A deterministic pseudo-random sequence (no dependency, same strings every run).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).unwrap()
        }
    }

    fn alphabet(pattern: &str) -> Vec<char> {
        let mut chars: Vec<char> = "09AZaz_-/.5\\$é\n\t\r\u{b}\u{c}\u{85}\u{a0} "
            .chars()
            .collect();
        for c in pattern.chars() {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
        chars
    }

    #[test]
    fn the_automaton_decides_as_regex_lite_does() {
        let mut compared = 0usize;
        let mut matched = 0usize;
        for &p in PATTERNS {
            let regex = regex_lite::Regex::new(p).unwrap();
            let automaton = Automaton::new(p).unwrap_or_else(|| panic!("`{p}` is in the syntax"));
            let chars = alphabet(p);
            let mut check = |s: &str| {
                let want = regex.is_match(s);
                assert_eq!(automaton.is_match(s), want, "`{p}` on {s:?}");
                compared += 1;
                matched += usize::from(want);
            };
            // Every string of up to three characters of the alphabet.
            let n = chars.len();
            for len in 0..=3u32 {
                for mut i in 0..n.pow(len) {
                    let mut s = String::new();
                    for _ in 0..len {
                        s.push(chars[i % n]);
                        i /= n;
                    }
                    check(&s);
                }
            }
            // Pseudo-random longer strings, biased towards the pattern's own characters,
            // and matching-looking dates, years and ids.
            let mut rng = Lcg(p.len() as u64);
            for _ in 0..20_000 {
                let len = rng.next() % 14;
                let s: String = (0..len).map(|_| chars[rng.next() % n]).collect();
                check(&s);
            }
            for s in [
                "2013/14",
                "2013-04-01",
                "2013-13-01",
                "2013-02-31",
                "1.11.7",
                "1.7",
                "AB",
                "ABC",
                "FIN-2",
                "A-",
                "a-b-c",
                "a--b",
                "aab",
                "abb",
                "ababbb",
                "abcabc",
                "abac",
                "$.\\",
                "]",
                "x",
                "y",
                "",
            ] {
                check(s);
            }
        }
        println!("{compared} strings compared, {matched} matches");
        assert!(matched > 1_000);
        for &p in SLOW {
            regex_lite::Regex::new(p).unwrap();
            assert!(Automaton::new(p).is_none(), "`{p}` is outside the syntax");
        }
        // Too big for regex-lite too, but the automaton gives up quickly rather than
        // repeating an empty fragment 64^4 times.
        assert!(Automaton::new("^((((a{0}){64}){64}){64}){64}$").is_none());
        // An error for regex-lite; not a range here either.
        assert!(Automaton::new("^[\\d-z]$").is_none());
    }
}
