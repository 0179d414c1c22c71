//! A float written as Rust's `Display` writes it (`0.05`, `3`, `-0`, `0.0000001`,
//! `1000000000000000000000`, `NaN`, `inf`), from the shortest round-trip digits of
//! [`zmij`] (the formatter serde_json already brings). One difference: when the value lies
//! exactly halfway between two shortest digit strings (about one random bit pattern in four
//! thousand, never a report's figure), zmij takes the even one, as JavaScript does, where
//! `Display` takes the upper one (`1308548795726862.2`, not `.3`).
//!
//! Why not `Display` itself: in the WASM module `<f64 as Display>` costs about 20 KB of
//! code (core's Grisu and Dragon strategies, both shortest and fixed-precision, with their
//! bignum arithmetic), against about 2 KB for zmij, which serde_json links anyway. Only
//! the placement of the decimal point is written here; a test compares this with
//! `Display` on 300,000 random floats and the edge cases.

/// `v` as `format!("{v}")` writes it.
#[must_use]
pub fn float_text(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_owned();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    let mut buffer = zmij::Buffer::new();
    let printed = buffer.format_finite(v);
    // zmij writes `[-]int[.frac][e[+|-]exp]`; Display never uses an exponent.
    let (negative, printed) = match printed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, printed),
    };
    let (mantissa, exponent) = match printed.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<isize>().unwrap_or(0)),
        None => (printed, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and where the point goes among them (value = 0.DIGITS x
    // 10^point).
    let all = format!("{int}{frac}");
    let trimmed = all.trim_start_matches('0');
    let point = exponent + to_isize(int.len()) - to_isize(all.len() - trimmed.len());
    let digits = trimmed.trim_end_matches('0');
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let len = to_isize(digits.len());
    if digits.is_empty() {
        out.push('0');
    } else if point >= len {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', to_usize(point - len)));
    } else if point > 0 {
        let (whole, part) = digits.split_at(to_usize(point));
        out.push_str(whole);
        out.push('.');
        out.push_str(part);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', to_usize(-point)));
        out.push_str(digits);
    }
    out
}

// A float's text is under 30 characters and its exponent within ±400: these never saturate.
fn to_isize(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

fn to_usize(n: isize) -> usize {
    usize::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::float_text;

    #[test]
    fn writes_what_display_writes() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.05,
            0.1,
            1.5,
            3.0,
            100.0,
            1e-7,
            1e15,
            1e16,
            1e21,
            1e22,
            1e300,
            -1e-300,
            123_456.789,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            9_007_199_254_740_993.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Every power of ten and its neighbours, integers, and random bit patterns.
        for e in -325..=309 {
            let p: f64 = format!("1e{e}").parse().unwrap_or(0.0);
            values.extend([p, p * 3.0, p * 0.7, f64::from_bits(p.to_bits() + 1)]);
        }
        values.extend((0..10_000).map(f64::from));
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300_000 {
            // splitmix64
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            values.push(f64::from_bits(z ^ (z >> 31)));
        }
        let (mut checked, mut ties) = (0, 0);
        for v in values {
            let (ours, display) = (float_text(v), format!("{v}"));
            checked += 1;
            if ours == display {
                continue;
            }
            // A tie: the value lies exactly halfway between two shortest digit strings.
            // Rust's `Display` takes the upper one, zmij the even one, as JavaScript's
            // `Number.prototype.toString` (and so `JSON.stringify`) does. Both read back as
            // the same float and differ only in their last digit.
            ties += 1;
            let (a, b) = (
                ours.as_bytes().split_last(),
                display.as_bytes().split_last(),
            );
            let (Some((x, a)), Some((y, b))) = (a, b) else {
                panic!("{ours} against {display}");
            };
            assert!(
                a == b && x % 2 == 0 && x.abs_diff(*y) == 1 && ours.parse::<f64>().ok() == Some(v),
                "{:#x}: {ours} against {display}",
                v.to_bits()
            );
        }
        assert!(checked > 300_000);
        // Ties are rare: a value with exactly one more significant digit than it needs.
        assert!(ties * 1000 < checked, "{ties} ties in {checked}");
    }

    #[test]
    fn integers_below_1e16_as_fixed_zero_decimals_write_them() {
        // What the schema's messages used to write with `{:.0}`.
        for v in [
            0.0,
            -0.0,
            7.0,
            -42.0,
            9_007_199_254_740_992.0,
            9_999_999_999_999_998.0,
        ] {
            assert_eq!(float_text(v), format!("{v:.0}"));
        }
    }
}
