//! `careagents kb import <dir>` and `kb stats`: loads the public knowledge base from JSON
//! files (arrays of `{type, slug, title, content, category?, tags?, metadata?}`), upserting on
//! (type, slug) so re-importing is idempotent.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Article {
    #[serde(rename = "type")]
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub content: String,
    #[serde(default = "general")]
    pub category: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub metadata: serde_json::Value,
}

fn general() -> String {
    "general".into()
}

/// Imports every `*.json` file of `dir`, printing progress per file; returns rows written.
pub async fn import(admin_url: &str, dir: &Path) -> Result<usize> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .json files in {}", dir.display());
    }
    let mut client = super::connect(admin_url).await?;
    let tx = client.transaction().await?;
    tx.batch_execute("SET LOCAL ROLE careagents_owner").await?;
    let stmt = tx
        .prepare(
            "INSERT INTO kb_articles (tenant_id, type, slug, title, content, category, tags, metadata)
             VALUES (NULL, $1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT ((COALESCE(tenant_id, '')), type, slug) DO UPDATE SET
               title = EXCLUDED.title, content = EXCLUDED.content, category = EXCLUDED.category,
               tags = EXCLUDED.tags, metadata = EXCLUDED.metadata, updated_at = now()
             WHERE (kb_articles.title, kb_articles.content, kb_articles.category, kb_articles.tags, kb_articles.metadata)
               IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.content, EXCLUDED.category, EXCLUDED.tags, EXCLUDED.metadata)",
        )
        .await?;
    let mut total = 0;
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        let articles: Vec<Article> =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", f.display()))?;
        let mut changed = 0;
        for a in &articles {
            let meta = if a.metadata.is_null() {
                serde_json::json!({})
            } else {
                a.metadata.clone()
            };
            changed += tx
                .execute(
                    &stmt,
                    &[
                        &a.kind,
                        &a.slug,
                        &a.title,
                        &a.content,
                        &a.category,
                        &a.tags,
                        &meta,
                    ],
                )
                .await
                .with_context(|| format!("{}: article {}", f.display(), a.slug))?;
        }
        println!(
            "  {:<32} {:>4} articles, {:>4} new or changed",
            f.file_name().unwrap().to_string_lossy(),
            articles.len(),
            changed
        );
        total += articles.len();
    }
    tx.commit().await?;
    Ok(total)
}

/// Article counts of the public knowledge base by type.
pub async fn stats(admin_url: &str) -> Result<Vec<(String, i64)>> {
    let client = super::connect(admin_url).await?;
    let rows = client
        .query("SELECT type, count(*) FROM kb_articles WHERE tenant_id IS NULL GROUP BY type ORDER BY type", &[])
        .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}
