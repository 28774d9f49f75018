//! `campaign/schedule`, the campaign list and `campaign-status/{uid}`: a
//! campaign sends one template to its contacts from `schedule_at` on, one a
//! second, and each message then moves on like any other send.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::api::{envelope, log_send, text};
use crate::clock::{iso, Millis};
use crate::input::Input;
use crate::items::VENDOR_ID;
use crate::paginator::ListQuery;
use crate::reads::{self, READ_MESSAGE};
use crate::reply::{self, Reply};
use crate::state::{FROM_PHONE_NUMBER_IDS, NOT_ALLOWED_RECIPIENT};
use crate::store::{Campaign, Store, Vendor, STATUS_STEPS};
use crate::templates;
use crate::validation::Validator;

/// One message leaves the queue each second.
const QUEUE_STEP_MS: Millis = 1_000;
/// The vendor admin, who schedules every campaign.
const ADMIN_USER_ID: u64 = 1;

/// `2026-04-01T10:00[:00]` in `tz`, as milliseconds since the epoch.
fn parse_local(text: &str, tz: &TimeZone) -> Option<Millis> {
    let (date, time) = text.split_once('T')?;
    let parts: Vec<&str> = time.split(':').collect();
    let well_formed =
        date.len() == 10 && matches!(parts.len(), 2 | 3) && parts.iter().all(|p| p.len() == 2);
    if !well_formed {
        return None;
    }
    let full = if parts.len() == 2 {
        format!("{text}:00")
    } else {
        text.to_string()
    };
    let civil: DateTime = full.parse().ok()?;
    let zoned = civil.to_zoned(tz.clone()).ok()?;
    u64::try_from(zoned.timestamp().as_millisecond()).ok()
}

#[derive(Serialize)]
struct CampaignUid<'a> {
    #[serde(rename = "campaignUid")]
    campaign_uid: &'a str,
}

fn titles(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn schedule(store: &mut Store, vendor_uid: &str, input: &Input, now: Millis) -> Reply {
    let mut v = Validator::new(input);
    v.field("title").required().max(255);
    v.field("contact_group").required().string();
    v.field("contact_labels").string();
    v.field("timezone").required().string();
    v.field("schedule_at").string();
    v.field("expire_at").string();
    let tz = text(input, "timezone").map(|name| TimeZone::get(&name));
    if let Some(Err(_)) = tz {
        v.errors.add(
            "timezone",
            "The timezone field must be a valid timezone.".into(),
        );
    }
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    // The rules above made sure of a valid zone.
    let Some(Ok(tz)) = tz else {
        return reply::fixture("campaign-datetime-not-recognized");
    };

    let name = text(input, "template_name").unwrap_or_default();
    let language = text(input, "template_language").unwrap_or_default();
    let Some(template) = templates::find(&name, &language) else {
        return reply::fixture("campaign-template-does-not-exist");
    };

    let vendor = store.vendor(vendor_uid);
    let group = text(input, "contact_group").unwrap_or_default();
    let mut recipients: Vec<&crate::store::Contact> = if group == "all_contacts" {
        vendor.contacts_in_order()
    } else {
        let wanted = titles(&group);
        if wanted
            .iter()
            .any(|t| !vendor.groups.iter().any(|g| &g.title == t))
        {
            return reply::fixture("campaign-invalid-group");
        }
        let members: Vec<_> = vendor
            .contacts_in_order()
            .into_iter()
            .filter(|c| c.groups.iter().any(|g| wanted.contains(g)))
            .collect();
        if members.is_empty() {
            return reply::fixture("campaign-group-contact-not-found");
        }
        members
    };
    if let Some(labels) = text(input, "contact_labels") {
        let wanted = titles(&labels);
        recipients.retain(|c| c.labels.iter().any(|l| wanted.contains(l)));
        if recipients.is_empty() {
            return reply::fixture("campaign-contacts-not-found");
        }
    }
    let recipients: Vec<String> = recipients.iter().map(|c| c.phone_number.clone()).collect();

    let scheduled_ms = match text(input, "schedule_at") {
        None => now,
        Some(at) => match parse_local(&at, &tz) {
            Some(ms) => ms,
            None => return reply::fixture("campaign-datetime-not-recognized"),
        },
    };
    let expire_ms = match text(input, "expire_at") {
        None => None,
        Some(at) => match parse_local(&at, &tz) {
            Some(ms) => Some(ms),
            None => return reply::fixture("campaign-datetime-not-recognized"),
        },
    };
    if expire_ms.is_some_and(|e| e <= scheduled_ms) {
        let mut v = Validator::new(input);
        v.errors.add(
            "expire_at",
            "The expire at field must be a date after schedule at.".into(),
        );
        if let Err(errors) = v.finish() {
            return errors.into_reply();
        }
    }

    // The test message goes out first; a campaign is made only if it does.
    let Some(test_number) = vendor.test_contact.clone() else {
        return reply::fixture("campaign-test-contact-missing");
    };
    let Some(test_contact) = vendor.contacts.get(&test_number).cloned() else {
        return reply::fixture("campaign-test-contact-not-found");
    };
    if test_number == NOT_ALLOWED_RECIPIENT || templates::check_params(template, input).is_err() {
        return reply::fixture("campaign-test-message-failed");
    }

    let id = vendor.next_id();
    let campaign = Campaign {
        id,
        uid: crate::ids::uuid(),
        title: text(input, "title").unwrap_or_default(),
        template_name: name,
        template_language: language,
        template_id: templates::listed()
            .iter()
            .find(|t| t.template_name == template.name && t.language == template.language)
            .map_or(0, |t| t.id),
        timezone: tz.iana_name().unwrap_or_default().to_string(),
        scheduled_ms,
        expire_ms,
        recipients,
        created_ms: now,
    };
    let uid = campaign.uid.clone();
    vendor.campaigns.push(campaign);
    let content = format!("{}/{} (campaign test)", template.name, template.language);
    log_send(
        store,
        &test_contact.contact_uid,
        &test_number,
        "template",
        content,
        FROM_PHONE_NUMBER_IDS[0].to_string(),
        "",
        now,
    );
    envelope(
        200,
        "success",
        &crate::answers::message("campaign-schedule-success"),
        CampaignUid { campaign_uid: &uid },
    )
}

#[derive(Serialize)]
#[allow(non_snake_case)] // the server's column names
pub struct CampaignItem<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    title: &'a str,
    status: u8,
    template_name: &'a str,
    template_language: &'a str,
    timezone: &'a str,
    scheduled_at: String,
    total_contacts: usize,
    whatsapp_templates__id: u64,
    users__id: u64,
    vendors__id: u64,
    created_at: String,
    updated_at: String,
}

fn item(c: &Campaign) -> CampaignItem<'_> {
    CampaignItem {
        id: c.id,
        uid: &c.uid,
        title: &c.title,
        status: 1,
        template_name: &c.template_name,
        template_language: &c.template_language,
        timezone: &c.timezone,
        scheduled_at: iso(c.scheduled_ms),
        total_contacts: c.recipients.len(),
        whatsapp_templates__id: c.template_id,
        users__id: ADMIN_USER_ID,
        vendors__id: VENDOR_ID,
        created_at: iso(c.created_ms),
        updated_at: iso(c.created_ms),
    }
}

/// Newest first, searched by title, template name and language, timezone.
pub fn list(vendor: &Vendor, input: &Input, url: &str) -> Reply {
    let query = ListQuery::from_input(input);
    let rows: Vec<_> = vendor
        .campaigns
        .iter()
        .rev()
        .filter(|c| {
            query.matches([
                Some(c.title.as_str()),
                Some(c.template_name.as_str()),
                Some(c.template_language.as_str()),
                Some(c.timezone.as_str()),
            ])
        })
        .map(item)
        .collect();
    reads::list("campaignList", rows, &query, url)
}

/// Where one campaign message stands at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    InQueue,
    Expired,
    Failed,
    /// Left the queue; the index of STATUS_STEPS reached, if any
    /// (None: accepted).
    Out(Option<usize>),
}

fn stage(c: &Campaign, index: usize, now: Millis) -> Stage {
    let taken_at = c.scheduled_ms + (index as u64 + 1) * QUEUE_STEP_MS;
    if let Some(expire) = c.expire_ms.filter(|e| *e <= taken_at) {
        return if now >= expire {
            Stage::Expired
        } else {
            Stage::InQueue
        };
    }
    if now < taken_at {
        return Stage::InQueue;
    }
    if c.recipients[index] == NOT_ALLOWED_RECIPIENT {
        return Stage::Failed;
    }
    Stage::Out(
        STATUS_STEPS
            .iter()
            .rposition(|(after, _)| now >= taken_at + after),
    )
}

/// PHP's `round($x, 2) . '%'`: "12.5%", "50%", "33.33%".
fn percent(part: usize, total: usize) -> String {
    if total == 0 {
        return "0%".into();
    }
    let value = (part as f64 * 100.0 / total as f64 * 100.0).round() / 100.0;
    format!("{value}%")
}

/// Carbon's absolute `diffForHumans`: "1 second", "3 minutes", "2 hours".
fn human_duration(ms: Millis) -> String {
    let secs = ms / 1000;
    let (n, unit) = match secs {
        0..=59 => (secs, "second"),
        60..=3_599 => (secs / 60, "minute"),
        3_600..=86_399 => (secs / 3_600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct Counters<'a> {
    campaignStatus: &'static str,
    statusText: &'static str,
    timeTookFromScheduledAtFormatted: Option<String>,
    totalSent: usize,
    totalSentInPercent: String,
    totalDelivered: usize,
    totalDeliveredInPercent: String,
    totalRead: usize,
    totalReadInPercent: String,
    totalFailed: usize,
    totalFailedInPercent: String,
    acceptedCount: usize,
    totalAcceptedInPercent: String,
    inQueueCount: usize,
    inQueuedCount: usize,
    totalInQueueInPercent: String,
    queueFailedCount: usize,
    expiredCount: usize,
    totalExpiredInPercent: String,
    executedCount: usize,
    campaign: CampaignItem<'a>,
}

pub fn status(vendor: &Vendor, uid: &str, now: Millis) -> Reply {
    let Some(c) = vendor.campaigns.iter().find(|c| c.uid == uid) else {
        return reply::fixture("campaign-status-not-found");
    };
    let stages: Vec<Stage> = (0..c.recipients.len()).map(|i| stage(c, i, now)).collect();
    let count = |f: &dyn Fn(&Stage) -> bool| stages.iter().filter(|s| f(s)).count();
    // STATUS_STEPS: 0 sent, 1 delivered, 2 read.
    let sent = count(&|s| matches!(s, Stage::Out(Some(_))));
    let delivered = count(&|s| matches!(s, Stage::Out(Some(n)) if *n >= 1));
    let read = count(&|s| matches!(s, Stage::Out(Some(2))));
    let accepted = count(&|s| matches!(s, Stage::Out(None)));
    let failed = count(&|s| *s == Stage::Failed);
    let in_queue = count(&|s| *s == Stage::InQueue);
    let expired = count(&|s| *s == Stage::Expired);
    let total = stages.len();
    let (status, text) = if now < c.scheduled_ms {
        ("upcoming", "Upcoming")
    } else if in_queue > 0 {
        ("processing", "Processing")
    } else {
        ("executed", "Executed")
    };
    // Executed: how long the queue took; processing: how long it has run.
    let finished_at = c.scheduled_ms + total as u64 * QUEUE_STEP_MS;
    let took = match status {
        "upcoming" => None,
        "processing" => Some(human_duration(now - c.scheduled_ms)),
        _ => Some(human_duration(
            finished_at.min(c.expire_ms.unwrap_or(finished_at)) - c.scheduled_ms,
        )),
    };
    envelope(
        200,
        "success",
        READ_MESSAGE,
        Counters {
            campaignStatus: status,
            statusText: text,
            timeTookFromScheduledAtFormatted: took,
            totalSent: sent,
            totalSentInPercent: percent(sent, total),
            totalDelivered: delivered,
            totalDeliveredInPercent: percent(delivered, total),
            totalRead: read,
            totalReadInPercent: percent(read, total),
            totalFailed: failed,
            totalFailedInPercent: percent(failed, total),
            acceptedCount: accepted,
            totalAcceptedInPercent: percent(accepted, total),
            inQueueCount: in_queue,
            inQueuedCount: in_queue,
            totalInQueueInPercent: percent(in_queue, total),
            queueFailedCount: 0,
            expiredCount: expired,
            totalExpiredInPercent: percent(expired, total),
            executedCount: total - in_queue - expired,
            campaign: item(c),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_in_their_zone() {
        let kolkata = TimeZone::get("Asia/Kolkata").unwrap();
        // 10:00 in Kolkata is 04:30 UTC.
        assert_eq!(
            parse_local("2026-04-01T10:00", &kolkata)
                .map(iso)
                .as_deref(),
            Some("2026-04-01T04:30:00.000000Z")
        );
        assert_eq!(
            parse_local("2026-04-01T10:00:30", &kolkata)
                .map(iso)
                .as_deref(),
            Some("2026-04-01T04:30:30.000000Z")
        );
        assert_eq!(parse_local("2026-04-01 10:00", &kolkata), None);
        assert_eq!(parse_local("2026-04-01T25:00", &kolkata), None);
        assert_eq!(parse_local("01/04/2026T10:00", &kolkata), None);
    }

    #[test]
    fn percentages_like_php() {
        assert_eq!(percent(1, 8), "12.5%");
        assert_eq!(percent(1, 2), "50%");
        assert_eq!(percent(1, 3), "33.33%");
        assert_eq!(percent(0, 3), "0%");
        assert_eq!(percent(3, 3), "100%");
    }

    #[test]
    fn durations_like_carbon() {
        assert_eq!(human_duration(1_000), "1 second");
        assert_eq!(human_duration(3_500), "3 seconds");
        assert_eq!(human_duration(120_000), "2 minutes");
    }
}
