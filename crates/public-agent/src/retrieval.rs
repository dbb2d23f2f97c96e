//! Retrieval from the public knowledge base: PostgreSQL full text over `kb_articles.search`
//! plus `pg_trgm` on titles and tags for misspellings, then evidence scoring in Rust.
//!
//! One round trip returns, for each candidate, which of the question's content words it
//! matches in its title (weight A, queried as `word:A`), its tags (B) or anywhere, and which misspelled words it
//! matches by trigram; plus each word's document frequency. Scores are idf-weighted coverage of
//! the question, so a hit that answers every distinctive word scores near 1 and one that only
//! shares a common word ("care") scores low. Confidence is derived from these scores, never
//! from how many rows came back.

use careagents_agent_platform::{DbError, Platform, Row, Value};
use serde_json::Value as Json;

use crate::intent::Intent;

/// Candidates and word statistics. `$1` is the space-separated content words (letters and
/// digits only, see [`crate::text::tokens`]). Only public rows (`tenant_id IS NULL`) are read,
/// in addition to what row-level security allows.
const SEARCH_SQL: &str = r#"
WITH words AS (
    SELECT DISTINCT w, to_tsquery('english', w) AS tq,
           to_tsquery('english', w || ':A') AS tqa, to_tsquery('english', w || ':B') AS tqb
    FROM unnest(string_to_array($1::text, ' ')) AS w
    WHERE w <> ''
), kw AS (
    SELECT w, tq, tqa, tqb,
           CASE WHEN numnode(tq) = 0 THEN -1
                ELSE (SELECT count(*) FROM kb_articles k WHERE k.tenant_id IS NULL AND k.search @@ tq)
           END AS df
    FROM words
), anyq AS (
    -- cast once here: a cast in the join condition was parsed again for every article
    SELECT (string_agg('(' || tq::text || ')', ' | ') FILTER (WHERE df > 0))::tsquery AS q FROM kw
), cand AS (
    SELECT k.id, k.type, k.slug, k.title, k.content, k.category, k.tags, k.metadata, k.search,
           ts_rank_cd('{0.1,0.2,0.4,1.0}', k.search, anyq.q, 1) AS rank
    FROM kb_articles k, anyq
    WHERE k.tenant_id IS NULL
      AND ((anyq.q IS NOT NULL AND k.search @@ anyq.q)
           OR EXISTS (SELECT 1 FROM kw WHERE kw.df = 0 AND length(kw.w) >= 4
                      AND kw.w <% (k.title || ' ' || array_to_string(k.tags, ' '))))
    ORDER BY rank DESC NULLS LAST, k.id
    LIMIT 12
)
SELECT 0 AS ord, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
       NULL::text, NULL::text, NULL::text, NULL::text,
       (SELECT string_agg(w || ':' || df, ' ') FROM kw),
       (SELECT count(*) FROM kb_articles WHERE tenant_id IS NULL)::int8,
       NULL::float8
UNION ALL
SELECT 1, c.type, c.slug, c.title, c.content, c.category, array_to_string(c.tags, '|'), c.metadata::text,
       array_to_string(ARRAY(SELECT kw.w FROM kw WHERE kw.df > 0 AND c.search @@ kw.tqa), ' '),
       array_to_string(ARRAY(SELECT kw.w FROM kw WHERE kw.df > 0 AND c.search @@ kw.tqb), ' '),
       array_to_string(ARRAY(SELECT kw.w FROM kw WHERE kw.df > 0 AND c.search @@ kw.tq), ' '),
       array_to_string(ARRAY(SELECT kw.w FROM kw WHERE kw.df = 0 AND length(kw.w) >= 4
                             AND kw.w <% (c.title || ' ' || array_to_string(c.tags, ' '))), ' '),
       NULL, NULL, c.rank::float8
FROM cand c
ORDER BY 1
"#;

/// One knowledge-base article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// `FAQ`, `FEATURE`, `GUIDE`, `CASE_STUDY`, `PRICING`.
    pub kind: String,
    /// Identity within the type.
    pub slug: String,
    /// Title (a question for FAQs).
    pub title: String,
    /// The answer / description text.
    pub content: String,
    /// Category (`pricing`, `demo`, `compliance`, ...).
    pub category: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Structured data (prices for `PRICING`).
    pub metadata: Json,
}

/// An article retrieved for a question, with the evidence of the match.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article.
    pub article: Article,
    /// Content words found in the title.
    pub in_title: Vec<String>,
    /// Content words found in the tags.
    pub in_tags: Vec<String>,
    /// Content words found anywhere.
    pub in_any: Vec<String>,
    /// Misspelled words (no exact match anywhere) matched by trigram in title or tags.
    pub fuzzy: Vec<String>,
    /// PostgreSQL's cover-density rank (tie-breaker only).
    pub db_rank: f64,
    /// Evidence score in 0..=1, set by [`Retrieval::score`].
    pub score: f64,
}

/// A content word and how many public articles contain it (`-1`: a stop word to PostgreSQL).
#[derive(Debug, Clone, PartialEq)]
pub struct WordStat {
    /// The word as asked.
    pub word: String,
    /// Document frequency.
    pub df: i64,
}

/// The outcome of a search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Retrieval {
    /// The question's content words with their frequencies.
    pub words: Vec<WordStat>,
    /// Public articles in total.
    pub total_docs: i64,
    /// Hits, best first once scored.
    pub hits: Vec<Hit>,
}

/// Runs the search for `words` (content words of the question).
pub fn search(platform: &mut dyn Platform, words: &[String]) -> Result<Retrieval, DbError> {
    if words.is_empty() {
        return Ok(Retrieval::default());
    }
    let rows = platform.query(SEARCH_SQL, &[Value::Text(words.join(" "))])?;
    let mut out = Retrieval::default();
    let split = |s: Option<&str>| -> Vec<String> {
        s.unwrap_or("")
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    for row in rows {
        if row.i64(0) == Some(0) {
            for pair in row.str(12).unwrap_or("").split(' ') {
                if let Some((w, df)) = pair.rsplit_once(':') {
                    out.words.push(WordStat {
                        word: w.to_owned(),
                        df: df.parse().unwrap_or(0),
                    });
                }
            }
            out.total_docs = row.i64(13).unwrap_or(0);
            continue;
        }
        out.hits.push(Hit {
            article: article_at(&row, 1),
            in_title: split(row.str(8)),
            in_tags: split(row.str(9)),
            in_any: split(row.str(10)),
            fuzzy: split(row.str(11)),
            db_rank: row.f64(14).unwrap_or(0.0),
            score: 0.0,
        });
    }
    Ok(out)
}

/// An article from the seven columns `type, slug, title, content, category,
/// array_to_string(tags, '|'), metadata::text` starting at `first`.
fn article_at(row: &Row, first: usize) -> Article {
    Article {
        kind: row.string(first),
        slug: row.string(first + 1),
        title: row.string(first + 2),
        content: row.string(first + 3),
        category: row.string(first + 4),
        tags: row
            .str(first + 5)
            .unwrap_or("")
            .split('|')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        metadata: row
            .str(first + 6)
            .and_then(|m| serde_json::from_str(m).ok())
            .unwrap_or(Json::Null),
    }
}

/// Reads public articles by type (and optionally slug): the pricing table, the overview FAQ.
pub fn articles_by_type(
    platform: &mut dyn Platform,
    kind: &str,
    slug: Option<&str>,
) -> Result<Vec<Article>, DbError> {
    let rows = platform.query(
        "SELECT type, slug, title, content, category, array_to_string(tags, '|'), metadata::text \
         FROM kb_articles WHERE tenant_id IS NULL AND type = $1::text \
         AND ($2::text IS NULL OR slug = $2::text) ORDER BY id",
        &[
            Value::Text(kind.to_owned()),
            slug.map(|s| Value::Text(s.to_owned()))
                .unwrap_or(Value::Null),
        ],
    )?;
    Ok(rows.into_iter().map(|row| article_at(&row, 0)).collect())
}

impl Retrieval {
    /// Inverse document frequency of `word`: rare words weigh more than "care" or "home".
    /// Unknown words (df 0) weigh the most: a question about something we have nothing on
    /// must not look answered.
    fn idf(&self, word: &str) -> f64 {
        let n = self.total_docs.max(1) as f64;
        match self.words.iter().find(|w| w.word == word).map(|w| w.df) {
            Some(df) if df > 0 => (1.0 + n / df as f64).ln(),
            Some(-1) => 0.0,
            _ => (1.0 + n).ln(),
        }
    }

    /// Sum of idf over the question's content words (PostgreSQL stop words excluded).
    fn total_weight(&self) -> f64 {
        self.words
            .iter()
            .filter(|w| w.df >= 0)
            .map(|w| self.idf(&w.word))
            .sum()
    }

    /// Scores each hit as idf-weighted coverage of the question (title 1.0, tags 0.85, body 0.6,
    /// trigram-corrected misspelling 0.75), nudged towards articles of the intent's categories,
    /// and sorts best first.
    pub fn score(&mut self, intent: Intent) {
        let total = self.total_weight();
        let unknown_idf = (1.0 + self.total_docs.max(1) as f64).ln();
        let cats = intent.categories();
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (i, h) in self.hits.iter().enumerate() {
            let mut s = 0.0;
            for w in &h.in_any {
                let place = if h.in_title.contains(w) {
                    1.0
                } else if h.in_tags.contains(w) {
                    0.85
                } else {
                    0.6
                };
                s += self.idf(w) * place;
            }
            s += h.fuzzy.len() as f64 * unknown_idf * 0.75;
            let mut score = if total > 0.0 { s / total } else { 0.0 };
            if cats.contains(&h.article.category.as_str())
                || (intent == Intent::Pricing && h.article.kind == "PRICING")
            {
                score *= 1.15;
            }
            // Direct answers read best: FAQs, and feature descriptions for feature questions.
            if h.article.kind == "FAQ" || (intent == Intent::Feature && h.article.kind == "FEATURE")
            {
                score *= 1.05;
            }
            scored.push((score.min(1.0), i));
        }
        for (s, i) in &scored {
            self.hits[*i].score = *s;
        }
        self.hits.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(
                    b.db_rank
                        .partial_cmp(&a.db_rank)
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
        });
    }

    /// Share of the question (idf-weighted) that the top `k` hits answer together.
    pub fn coverage(&self, k: usize) -> f64 {
        let total = self.total_weight();
        if total <= 0.0 {
            return 0.0;
        }
        let mut covered = 0.0;
        for w in self.words.iter().filter(|w| w.df >= 0) {
            if self
                .hits
                .iter()
                .take(k)
                .any(|h| h.in_any.contains(&w.word) || h.fuzzy.contains(&w.word))
            {
                covered += self.idf(&w.word);
            }
        }
        covered / total
    }

    /// Content words that neither PostgreSQL nor the trigram match recognised: misspellings
    /// beyond repair, other topics, or gibberish.
    pub fn unknown_words(&self) -> Vec<&str> {
        self.words
            .iter()
            .filter(|w| w.df == 0 && !self.hits.iter().any(|h| h.fuzzy.contains(&w.word)))
            .map(|w| w.word.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(kind: &str, category: &str, title_w: &[&str], any_w: &[&str]) -> Hit {
        Hit {
            article: Article {
                kind: kind.into(),
                slug: format!("{kind}-{category}-{}", any_w.join("-")),
                title: String::new(),
                content: String::new(),
                category: category.into(),
                tags: vec![],
                metadata: Json::Null,
            },
            in_title: title_w.iter().map(|s| s.to_string()).collect(),
            in_tags: vec![],
            in_any: any_w.iter().map(|s| s.to_string()).collect(),
            fuzzy: vec![],
            db_rank: 0.0,
            score: 0.0,
        }
    }

    fn stats(words: &[(&str, i64)]) -> Vec<WordStat> {
        words
            .iter()
            .map(|(w, df)| WordStat {
                word: w.to_string(),
                df: *df,
            })
            .collect()
    }

    #[test]
    fn rare_words_in_titles_score_highest() {
        let mut r = Retrieval {
            words: stats(&[("gp", 9), ("connect", 17), ("care", 60)]),
            total_docs: 90,
            hits: vec![
                hit("FAQ", "general", &["care"], &["care"]),
                hit(
                    "FEATURE",
                    "integration",
                    &["gp", "connect"],
                    &["gp", "connect", "care"],
                ),
            ],
        };
        r.score(Intent::Integration);
        assert_eq!(r.hits[0].article.kind, "FEATURE");
        assert!(r.hits[0].score > 0.85, "{}", r.hits[0].score);
        assert!(r.hits[1].score < 0.25, "{}", r.hits[1].score);
        assert!((r.coverage(1) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unknown_words_pull_coverage_down() {
        let mut r = Retrieval {
            words: stats(&[("asdkjh", 0), ("qwpoeiru", 0)]),
            total_docs: 90,
            hits: vec![],
        };
        r.score(Intent::General);
        assert_eq!(r.coverage(3), 0.0);
        assert_eq!(r.unknown_words(), vec!["asdkjh", "qwpoeiru"]);

        let mut r = Retrieval {
            words: stats(&[("pricing", 20), ("zzzq", 0)]),
            total_docs: 90,
            hits: vec![hit("FAQ", "pricing", &["pricing"], &["pricing"])],
        };
        r.score(Intent::Pricing);
        let c = r.coverage(3);
        assert!(c > 0.1 && c < 0.5, "{c}");
    }

    #[test]
    fn stop_words_do_not_count() {
        let mut r = Retrieval {
            words: stats(&[("per", -1), ("cqc", 6)]),
            total_docs: 90,
            hits: vec![hit("FAQ", "compliance", &["cqc"], &["cqc"])],
        };
        r.score(Intent::Compliance);
        assert!(r.hits[0].score > 0.99);
        assert!((r.coverage(1) - 1.0).abs() < 1e-9);
    }
}
