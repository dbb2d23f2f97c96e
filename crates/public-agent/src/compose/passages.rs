//! Passages: which sentences of an article to quote, numbered steps, and the bullet lists for
//! questions with several requirements or asking for customer stories.

use crate::retrieval::{Article, Hit};
use crate::text::{sentences, stem, tokens};

/// Picks up to `max` sentences of `content` that share the most stems with the question, in
/// their original order; `skip` drops sentences already said another way.
pub fn best_sentences(
    content: &str,
    question_stems: &[String],
    max: usize,
    skip: &dyn Fn(&str) -> bool,
) -> String {
    let sents: Vec<&str> = sentences(content)
        .into_iter()
        .filter(|s| !skip(s))
        .collect();
    if sents.len() <= max {
        return sents.join(" ");
    }
    let mut scored: Vec<(usize, usize)> = sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let st: Vec<String> = tokens(s).iter().map(|t| stem(t)).collect();
            let overlap = question_stems.iter().filter(|q| st.contains(q)).count();
            (overlap, i)
        })
        .collect();
    // Highest overlap first; the opening sentence wins ties because it usually frames the rest.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut keep: Vec<usize> = scored.iter().take(max).map(|(_, i)| *i).collect();
    if scored.first().is_some_and(|s| s.0 == 0) {
        keep = (0..max).collect();
    }
    keep.sort_unstable();
    keep.iter().map(|i| sents[*i]).collect::<Vec<_>>().join(" ")
}

pub(crate) fn passage_of(
    hit: &Article,
    stems: &[String],
    max: usize,
    skip: &dyn Fn(&str) -> bool,
) -> String {
    // Numbered steps make sense only together, one per line.
    if is_numbered(&hit.content) {
        return numbered_lines(&hit.content);
    }
    best_sentences(&hit.content, stems, max, skip)
}

pub(crate) fn is_numbered(text: &str) -> bool {
    text.starts_with("1. ") && text.contains(" 2. ")
}

/// "1. a. 2. b." -> "1. a.\n2. b."
pub(crate) fn numbered_lines(text: &str) -> String {
    let mut out = String::new();
    let mut n = 1;
    let mut rest = text;
    while let Some(pos) = rest.find(&format!(" {}. ", n + 1)) {
        out.push_str(rest[..pos].trim());
        out.push('\n');
        rest = &rest[pos + 1..];
        n += 1;
    }
    out.push_str(rest.trim());
    out
}

/// For a question with several requirements that no single article covers: one bullet per
/// article that answers a part not yet covered (greedy cover of the question's words), best
/// first. Returns the paragraph and the slugs used; `None` when fewer than two bullets result.
pub(crate) fn coverage_bullets(hits: &[&Hit], stems: &[String]) -> Option<(String, Vec<String>)> {
    let mut covered: Vec<&String> = Vec::new();
    let mut lines = Vec::new();
    let mut slugs: Vec<String> = Vec::new();
    for h in hits.iter().take(12) {
        // Numbered set-up steps do not summarise into one line.
        if lines.len() >= 5
            || h.article.kind == "PRICING"
            || h.score < 0.1
            || is_numbered(&h.article.content)
        {
            continue;
        }
        let new: Vec<&String> = h
            .in_any
            .iter()
            .chain(h.fuzzy.iter())
            .filter(|w| !covered.contains(w))
            .collect();
        if new.is_empty() {
            continue;
        }
        let first = best_sentences(&h.article.content, stems, 1, &|s: &str| s.contains('£'));
        let first = first.strip_prefix("Yes. ").unwrap_or(&first).to_owned();
        if first.is_empty() {
            continue;
        }
        lines.push(format!(
            "- **{}**: {first}",
            h.article.title.trim_end_matches('?')
        ));
        covered.extend(new);
        slugs.push(h.article.slug.clone());
    }
    (lines.len() >= 2).then(|| {
        (
            format!(
                "You asked about several things; here is how WriteCareNotes covers them:\n{}",
                lines.join("\n")
            ),
            slugs,
        )
    })
}

/// The visitor asks for customer stories rather than about a topic.
pub(crate) fn wants_case_studies(message: &str) -> bool {
    let l = message.to_lowercase();
    [
        "case stud",
        "customer stor",
        "success stor",
        "references",
        "examples of customers",
        "other homes using",
    ]
    .iter()
    .any(|k| l.contains(k))
}

/// Up to four case studies found for the question, one line each.
pub(crate) fn case_study_bullets(hits: &[&Hit]) -> Option<(String, Vec<String>)> {
    let cs: Vec<&&Hit> = hits
        .iter()
        .filter(|h| h.article.kind == "CASE_STUDY")
        .take(4)
        .collect();
    if cs.is_empty() {
        return None;
    }
    let lines: Vec<String> = cs
        .iter()
        .map(|h| {
            // Who they are and what changed: the first two sentences.
            let first = sentences(&h.article.content)
                .into_iter()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            format!("- **{}**: {first}", h.article.title)
        })
        .collect();
    Some((
        format!(
            "Here are some of our customers' stories:\n{}",
            lines.join("\n")
        ),
        cs.iter().map(|h| h.article.slug.clone()).collect(),
    ))
}
