//! "Did you mean" suggestions.

/// Levenshtein distance over characters.
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let subst = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let delete = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = subst.min(delete).min(insert);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Folds case, spaces, hyphens and underscores, so `In Progress` meets `in_progress`.
#[must_use]
pub fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' | '_' | '.' | '(' | ')' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The candidate closest to `input`: an exact match after [`normalise`], else the
/// nearest within a third of the input's length.
pub fn closest<'c>(
    input: &str,
    candidates: impl Iterator<Item = &'c str> + Clone,
) -> Option<&'c str> {
    let norm = normalise(input);
    if let Some(hit) = candidates.clone().find(|c| normalise(c) == norm) {
        return Some(hit);
    }
    let budget = (input.chars().count() / 3).max(1);
    candidates
        .map(|c| (edit_distance(&norm, &normalise(c)), c))
        .filter(|&(d, _)| d <= budget)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}
