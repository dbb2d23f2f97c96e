//! POST /public/inquiry: validate, guard, session, classify, retrieve, compose (optionally via
//! the language model), guard the answer, store, respond.

use careagents_agent_platform::http::{success_body, ErrorBody};
use careagents_agent_platform::platform::random_hex;
use careagents_agent_platform::Guard;
use careagents_agent_platform::{
    AgentKind, InputContext, OutputContext, Platform, Request, Response, Severity, Violation,
};
use serde_json::{json, Map, Value as Json};

use crate::body;
use crate::compose::{self, Answer, ComposeInput, TierInfo};
use crate::confidence::Evidence;
use crate::config::MAX_MESSAGE_CHARS;
use crate::intent::{self, Intent};
use crate::lang::Lang;
use crate::retrieval::{self, Retrieval};
use crate::sessions;
use crate::store::{self, AnalyticsRow, Lead};
use crate::text::{content_words, correct_spelling, is_stop_word, is_vague_word, tokens};
use crate::{security, Ctx, Failure};

/// Most content words a question is searched with.
const MAX_QUERY_WORDS: usize = 12;

/// Handles the inquiry route.
pub fn inquiry(
    req: &Request,
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    guard: &dyn Guard,
) -> Result<Response, Failure> {
    ctx.metric_label = "INVALID".to_owned();
    let obj = match body::parse_object(&req.body) {
        Ok(o) => o,
        Err(e) => {
            if e.status == 403 {
                record_structural(ctx, platform, None, Violation::ExcessiveNesting);
            }
            return Err(e.into());
        }
    };
    let requested_session = body::opt_str(&obj, "sessionId", 100);
    let message = match body::message(&obj) {
        Ok(m) => m,
        Err(e) => {
            if e.status == 403 {
                let live = sessions::resume(
                    platform,
                    requested_session.as_deref(),
                    &ctx.client_key,
                    ctx.config.session_ttl_minutes,
                )?;
                let sid = live.as_ref().map(|s| s.id.as_str());
                record_structural(ctx, platform, sid, Violation::OversizedInput);
                if let Some(id) = sid {
                    let _ = sessions::record_violation(platform, id);
                }
            }
            return Err(e.into());
        }
    };
    let inquiry_type = body::opt_str(&obj, "inquiryType", 40);
    let empty = Map::new();
    let user_ctx = body::opt_obj(&obj, "userContext").unwrap_or(&empty);
    let org_type = body::opt_str(user_ctx, "organizationType", 100);
    let org_size_field = body::opt_str(user_ctx, "organizationSize", 60);
    let urgency = body::opt_str(user_ctx, "urgency", 20);
    let contact_pref = body::opt_str(user_ctx, "contactPreference", 20);
    let lang = Lang::from_tag(body::opt_str(user_ctx, "languagePreference", 35).as_deref());

    // The session the client named, if it is live and theirs; a new one only once the message
    // has passed the guard (refused requests do not mint sessions).
    let resumed = sessions::resume(
        platform,
        requested_session.as_deref(),
        &ctx.client_key,
        ctx.config.session_ttl_minutes,
    )?;

    let verdict = guard.check_input(
        &message,
        &InputContext {
            agent: AgentKind::Public,
            tenant_id: None,
            max_chars: MAX_MESSAGE_CHARS as u32,
        },
    );
    if !verdict.allowed {
        return Err(security::refuse_input(
            ctx,
            platform,
            resumed.as_ref().map(|s| s.id.as_str()),
            &verdict,
            "input",
        ));
    }
    let stored_text = verdict.redacted.clone().unwrap_or_else(|| message.clone());

    let session = match resumed {
        Some(s) => s,
        None => {
            let meta = json!({"languagePreference": lang.tag(), "organizationType": org_type, "organizationSize": org_size_field});
            sessions::create(
                platform,
                &ctx.client_key,
                ctx.config.session_ttl_minutes,
                ctx.config.max_sessions_per_ip,
                &meta.to_string(),
            )?
        }
    };

    let (analysed, words, mut found) = search_with_correction(platform, &message)?;

    // Understand the question.
    let hint = intent::hint_intent(inquiry_type.as_deref());
    let detected = intent::classify(&analysed, hint);
    ctx.metric_label = detected.as_str().to_owned();
    let size = intent::org_size(org_size_field.as_deref(), &analysed);
    let recommended = intent::recommend_tier(&size);
    let named = intent::named_tiers(&analysed);
    found.score(detected);
    let wants_prices = detected == Intent::Pricing || !named.is_empty();
    let tiers: Vec<TierInfo> = if wants_prices {
        compose::tiers_from_articles(&retrieval::articles_by_type(platform, "PRICING", None)?)
    } else {
        Vec::new()
    };
    match found.hits.first() {
        Some(h) => platform
            .telemetry()
            .knowledge_base_hit(&h.article.kind, true),
        None => platform.telemetry().knowledge_base_hit("NONE", false),
    }

    // How sure are we?
    // No content words, or only words PostgreSQL itself ignores: a vague question.
    let vague =
        words.is_empty() || (!found.words.is_empty() && found.words.iter().all(|w| w.df < 0));
    let mut evidence = Evidence::from_retrieval(&found, detected);
    evidence.vague = vague && is_language(&message);
    evidence.gibberish = !evidence.vague && is_gibberish(&message, &found);
    evidence.exact_record = detected == Intent::Pricing
        && (named.iter().any(|t| tiers.iter().any(|i| i.tier == *t))
            || (recommended.is_some() && !tiers.is_empty()));
    // A vague question that names the product ("What is WriteCareNotes?") is answered
    // exactly by the overview.
    if evidence.vague && tokens(&message).iter().any(|t| t == "writecarenotes") {
        evidence.exact_record = true;
    }
    let confidence = evidence.confidence();
    let no_answer = confidence < 0.3;
    let urgent = intent::is_urgent(&analysed, urgency.as_deref());
    let complex = intent::is_complex(&analysed, &size, org_type.as_deref());
    let escalate = no_answer || urgent || complex;

    let overview = if evidence.vague {
        // "Who is it for?" has its own answer; everything else gets the product overview.
        let slug = if tokens(&message).iter().any(|t| t == "who") {
            "who-is-writecarenotes-for"
        } else {
            "what-is-writecarenotes"
        };
        retrieval::articles_by_type(platform, "FAQ", Some(slug))?
            .into_iter()
            .next()
    } else {
        None
    };

    // Leads: only with explicit consent.
    let lead = body::opt_obj(&obj, "contact").and_then(parse_lead);

    let mut answer: Answer = compose::compose(&ComposeInput {
        intent: detected,
        message: &analysed,
        retrieval: &found,
        tiers: &tiers,
        named: &named,
        size: &size,
        recommended,
        vague: evidence.vague,
        overview: overview.as_ref(),
        no_answer,
        escalate,
        lead_captured: lead.is_some(),
        contact_preference: contact_pref.as_deref(),
        lang,
    });

    // Optional language model, grounded on the same passages; the grounded answer stays the
    // fallback for every failure.
    let mut used_llm = false;
    if let (Some(cfg), false) = (
        ctx.config.llm.clone(),
        no_answer || answer.passages.is_empty(),
    ) {
        if let Some(text) = llm_answer(
            ctx,
            platform,
            guard,
            &cfg,
            &session.id,
            &stored_text,
            &answer,
            lang,
        ) {
            answer.message = text;
            used_llm = true;
        }
        ctx.metric_label = detected.as_str().to_owned();
    }

    // Every answer passes the output guard before it is sent.
    let out = guard.check_output(
        &answer.message,
        &OutputContext {
            agent: AgentKind::Public,
            tenant_id: None,
            canary: None,
        },
    );
    if !out.allowed {
        security::record(ctx, platform, Some(&session.id), &out, "output");
        platform.telemetry().blocked_request();
        return Err(ErrorBody::new(
            403,
            "AI_SECURITY_VIOLATION",
            "The answer was withheld by our security checks.",
        )
        .with_violations(careagents_agent_platform::guard::violation_codes(&out))
        .into());
    }

    let now = platform.now_ms();
    let response_id = format!("pub_ai_{now}_{}", random_hex(platform, 6));
    let response_time = (now - ctx.started_ms).max(1);
    let confidence = (confidence * 1000.0).round() / 1000.0;

    // The exchange, the lead and the analytics row in one statement: atomic without a
    // transaction and one round trip.
    store::record_exchange(
        platform,
        &store::Exchange {
            session_id: &session.id,
            response_id: &response_id,
            user_text: &stored_text,
            answer: &answer.message,
            turn_metadata: json!({"intent": detected.as_str(), "confidence": confidence, "sources": answer.sources, "llm": used_llm}),
            lead: lead.as_ref(),
            lead_details: json!({
                "intent": detected.as_str(), "organizationType": org_type, "organizationSize": org_size_field,
                "urgency": urgency, "contactPreference": contact_pref, "responseId": response_id,
            }),
            analytics: AnalyticsRow {
                session_id: Some(&session.id),
                response_id: Some(&response_id),
                event_type: "response",
                inquiry_type: inquiry_type.as_deref(),
                intent: Some(detected.as_str()),
                confidence: Some(confidence),
                response_time_ms: Some(response_time as f64),
                escalated: Some(escalate),
                details: json!({
                    "sources": answer.sources.len(), "language": lang.tag(), "llm": used_llm,
                    "leadCaptured": lead.is_some(), "urgent": urgent, "complex": complex,
                }),
            },
        },
    )?;

    let data = json!({
        "responseId": response_id,
        "message": answer.message,
        "confidence": confidence,
        "knowledgeSources": answer.sources,
        "suggestedActions": answer.actions.iter().map(|a| a.to_json()).collect::<Vec<Json>>(),
        "followUpQuestions": answer.follow_ups,
        "escalationRequired": escalate,
        "responseTime": response_time,
        "intent": detected.as_str(),
        "language": "en",
        "requestedLanguage": lang.tag(),
        "leadCaptured": lead.is_some(),
    });
    Ok(Response::json(
        200,
        &success_body(data, Some(&session.id), now, &[]),
    ))
}

/// Searches with the question's own words first; words the knowledge base does not know are
/// then corrected towards the domain vocabulary ("pricng" -> "pricing") and, if any changed,
/// searched again. Real words the knowledge base knows are never "corrected". Returns the
/// analysed text (lower-case tokens, corrected), its content words and the retrieval.
fn search_with_correction(
    platform: &mut dyn Platform,
    message: &str,
) -> Result<(String, Vec<String>, Retrieval), careagents_agent_platform::DbError> {
    let pound = if message.contains('£') { " £" } else { "" };
    let mut analysed = format!("{}{pound}", tokens(message).join(" "));
    let mut words = content_words(&analysed, MAX_QUERY_WORDS);
    let mut found = retrieval::search(platform, &words)?;
    let unknown: Vec<String> = found
        .words
        .iter()
        .filter(|w| w.df == 0)
        .map(|w| w.word.clone())
        .collect();
    if !unknown.is_empty() {
        let corrected = correct_spelling(&analysed, &intent::keyword_vocabulary(), &|t: &str| {
            unknown.iter().any(|u| u == t)
        });
        let corrected = format!("{corrected}{pound}");
        if corrected != analysed {
            analysed = corrected;
            words = content_words(&analysed, MAX_QUERY_WORDS);
            found = retrieval::search(platform, &words)?;
        }
    }
    Ok((analysed, words, found))
}

/// Asks the configured language model with the composed answer's passages, and returns its
/// reply only when the output guard (with this request's canary) lets it through.
#[allow(clippy::too_many_arguments)]
fn llm_answer(
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    guard: &dyn Guard,
    cfg: &crate::config::LlmConfig,
    session_id: &str,
    question: &str,
    grounded: &Answer,
    lang: Lang,
) -> Option<String> {
    let canary = format!("cn_{}", random_hex(platform, 12));
    let reply = crate::llm::ask(platform, cfg, &canary, question, &grounded.passages)?;
    let v = guard.check_output(
        &reply,
        &OutputContext {
            agent: AgentKind::Public,
            tenant_id: None,
            canary: Some(&canary),
        },
    );
    if !v.allowed {
        security::record(ctx, platform, Some(session_id), &v, "llm_output");
        return None;
    }
    let text = crate::text::strip_markup(&reply);
    Some(match lang.notice() {
        Some(notice) => format!("{notice}\n\n{text}"),
        None => text,
    })
}

/// Records a violation found by the body checks (nesting, length) rather than by the guard.
fn record_structural(
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    session_id: Option<&str>,
    v: Violation,
) {
    ctx.metric_label = "SECURITY_VIOLATION".to_owned();
    platform.telemetry().security_violation(v, Severity::Medium);
    platform.telemetry().blocked_request();
    let _ = store::security_event(
        platform,
        session_id,
        v.code(),
        "medium",
        Some("body.structure"),
        &ctx.client_key,
        &json!({"stage": "body", "requestId": ctx.request_id}),
    );
}

/// A lead from the `contact` object, only when `consent` is literally `true` and there is a
/// way to reach the person.
pub fn parse_lead(c: &Map<String, Json>) -> Option<Lead> {
    if c.get("consent") != Some(&Json::Bool(true)) {
        return None;
    }
    let email = body::opt_str(c, "email", 254).filter(|e| {
        let mut parts = e.splitn(2, '@');
        let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        !local.is_empty() && domain.contains('.') && !e.contains(char::is_whitespace)
    });
    let phone = body::opt_str(c, "phone", 40).filter(|p| {
        p.chars().filter(char::is_ascii_digit).count() >= 7
            && p.chars()
                .all(|ch| ch.is_ascii_digit() || " +-()".contains(ch))
    });
    let lead = Lead {
        name: body::opt_str(c, "name", 200),
        email,
        phone,
        organization: body::opt_str(c, "organization", 200),
    };
    (lead.email.is_some() || lead.phone.is_some()).then_some(lead)
}

/// The message reads as language (some recognised English words), so a question without
/// content words is vague rather than noise.
fn is_language(message: &str) -> bool {
    tokens(message)
        .iter()
        .any(|t| is_stop_word(t) || is_vague_word(t))
}

/// Most tokens are neither English function words nor anything PostgreSQL or the trigram
/// index recognised, and nothing relevant was found.
fn is_gibberish(message: &str, found: &Retrieval) -> bool {
    let toks = tokens(message);
    if toks.is_empty() {
        return true;
    }
    let unknown = found.unknown_words();
    let unrecognised = toks
        .iter()
        .filter(|t| unknown.contains(&t.as_str()))
        .count();
    let best = found.hits.first().map(|h| h.score).unwrap_or(0.0);
    unrecognised * 2 > toks.len() && best < 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_need_consent_and_a_channel() {
        let obj = |j: &str| serde_json::from_str::<Map<String, Json>>(j).unwrap();
        assert!(parse_lead(&obj(r#"{"name":"A","email":"a@b.co"}"#)).is_none());
        assert!(parse_lead(&obj(r#"{"name":"A","email":"a@b.co","consent":"true"}"#)).is_none());
        assert!(parse_lead(&obj(r#"{"name":"A","consent":true}"#)).is_none());
        let l = parse_lead(&obj(
            r#"{"name":"<b>A</b>","email":"a@b.co","phone":"01234 567890","consent":true}"#,
        ))
        .unwrap();
        assert_eq!(l.email.as_deref(), Some("a@b.co"));
        assert_eq!(l.phone.as_deref(), Some("01234 567890"));
        assert!(!l.name.unwrap().contains('<'));
        assert!(parse_lead(&obj(r#"{"email":"not-an-email","consent":true}"#)).is_none());
    }
}
