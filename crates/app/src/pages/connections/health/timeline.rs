//! The history as a small SVG timeline: one mark per entry, oldest left, newest right, evenly
//! spaced (entries can be minutes or weeks apart). A passed test or a successful run is a
//! circle, a failure a square, anything else a diamond: shape and colour both tell them apart.
//! The table beside it is the text alternative, so the picture is one labelled image.

use crate::i18n::use_i18n;
use crate::time::{format_number, format_timestamp};
use connections_domain::{HealthResult, HistoryRow, RunOutcome};
use leptos::prelude::*;

const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 56.0;
const PAD: f64 = 16.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Good,
    Bad,
    Other,
}

fn mark_of(result: &HealthResult) -> Mark {
    match result {
        HealthResult::Test { problems: 0 } => Mark::Good,
        HealthResult::Test { .. } => Mark::Bad,
        HealthResult::ExportRun { outcome, .. } | HealthResult::EnrichmentRun { outcome, .. } => match outcome {
            RunOutcome::Successful => Mark::Good,
            RunOutcome::Failed => Mark::Bad,
            _ => Mark::Other,
        },
    }
}

/// `rows` newest first, as the domain gives them.
#[component]
/// `texts[i]` says what `rows[i]` was, for the mark's tooltip.
pub fn Timeline(rows: Vec<HistoryRow>, texts: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let count = rows.len();
    let failed = rows.iter().filter(|r| r.failed).count();
    let step = if count > 1 { (WIDTH - 2.0 * PAD) / (count - 1) as f64 } else { 0.0 };
    let y = HEIGHT / 2.0 - 6.0;
    let marks = rows
        .iter()
        .zip(texts)
        .rev()
        .enumerate()
        .map(|(i, (row, text))| {
            let x = if count > 1 { PAD + step * i as f64 } else { WIDTH / 2.0 };
            let tip = format!("{} · {}", format_timestamp(row.at, i18n.locale()), text);
            let shape = match mark_of(&row.result) {
                Mark::Good => view! { <g><circle class="mark mark-good" cx=x cy=y r="6"></circle></g> }.into_any(),
                Mark::Bad => view! { <g><rect class="mark mark-bad" x=x - 6.0 y=y - 6.0 width="12" height="12"></rect></g> }.into_any(),
                Mark::Other => {
                    let points = format!("{x},{} {},{y} {x},{} {},{y}", y - 7.0, x + 7.0, y + 7.0, x - 7.0);
                    view! { <g><polygon class="mark mark-other" points=points></polygon></g> }.into_any()
                }
            };
            view! { <g class="timeline-entry"><title>{tip}</title>{shape}</g> }
        })
        .collect_view();
    let summary = move || {
        let locale = i18n.locale();
        i18n.tf("health.timeline.desc", &[("count", &format_number(count as u64, locale)), ("failed", &format_number(failed as u64, locale))])
    };
    let (first, last) = (rows.last().map(|r| r.at), rows.first().map(|r| r.at));
    let date = move |at: Option<connections_domain::Timestamp>| at.map(|at| format_timestamp(at, i18n.locale())).unwrap_or_default();
    view! {
        <figure class="timeline">
            <svg
                id="history-timeline"
                role="img"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                aria-labelledby="timeline-title timeline-desc"
            >
                <title id="timeline-title">{move || i18n.t("health.timeline.title")}</title>
                <desc id="timeline-desc">{summary}</desc>
                <line class="timeline-axis" x1=PAD y1=y x2=WIDTH - PAD y2=y></line>
                {marks}
            </svg>
            <figcaption class="timeline-ends hint" aria-hidden="true">
                <span>{move || date(first)}</span>
                <span>{move || date(last)}</span>
            </figcaption>
        </figure>
    }
}
