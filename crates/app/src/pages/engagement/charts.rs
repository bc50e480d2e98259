//! Accessible bar charts for the profile report: an SVG with `role="img"`, a `<title>` and a
//! `<desc>` that says every value, each bar labelled with its name and count in text (so nothing
//! depends on colour), and the same numbers as a table. Colours come from the theme variables.

use crate::i18n::use_i18n;
use crate::time::format_number;
use leptos::prelude::*;

const ROW_HEIGHT: u32 = 30;
const LABEL_WIDTH: u32 = 130;
const BAR_SPACE: u32 = 250;
const WIDTH: u32 = 520;

/// Whole percent of `part` in `total` (0 when there is nothing to count).
pub fn percent(part: u64, total: u64) -> u64 {
    (part * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// One horizontal bar chart. `rows` are (translation key, count).
#[component]
pub fn BarChart(
    /// Unique within the page; the SVG's title and description ids derive from it.
    id: String,
    title_key: &'static str,
    rows: Vec<(&'static str, u64)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = ROW_HEIGHT * rows.len() as u32 + 8;
    let rows = StoredValue::new(rows);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let value_text = move |count: u64| {
        let locale = i18n.locale();
        i18n.tf(
            "engagement.chart.value",
            &[("count", &format_number(count, locale)), ("percent", &percent(count, total).to_string())],
        )
    };
    let description = move || {
        rows.with_value(|rows| {
            rows.iter().map(|(key, n)| format!("{}: {}", i18n.t(key), value_text(*n))).collect::<Vec<_>>().join("; ")
        })
    };
    let bars = move || {
        rows.with_value(|rows| {
            rows.iter()
                .copied()
                .enumerate()
                .map(|(index, (key, count))| {
                    let y = index as u32 * ROW_HEIGHT + 4;
                    let length = ((count as f64 / max as f64) * f64::from(BAR_SPACE)).round().max(1.0);
                    view! {
                        <g class="ei-bar-row">
                            <text class="ei-bar-label" x=LABEL_WIDTH - 8 y=y + 17 text-anchor="end">{move || i18n.t(key)}</text>
                            <rect class="ei-bar" x=LABEL_WIDTH y=y + 4 width=length height=ROW_HEIGHT - 10 rx="3"></rect>
                            <text class="ei-bar-value" x=f64::from(LABEL_WIDTH) + length + 6.0 y=y + 17>{move || value_text(count)}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let table_rows = move || {
        rows.with_value(|rows| {
            rows.iter()
                .copied()
                .map(|(key, count)| {
                    view! {
                        <tr>
                            <th scope="row">{move || i18n.t(key)}</th>
                            <td>{move || format_number(count, i18n.locale())}</td>
                            <td>{move || format!("{}", percent(count, total))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="ei-chart" id=id.clone()>
            <figcaption class="ei-chart-caption" aria-hidden="true">{move || i18n.t(title_key)}</figcaption>
            <svg
                role="img"
                viewBox=format!("0 0 {WIDTH} {height}")
                aria-labelledby=labelled_by
                preserveAspectRatio="xMinYMin meet"
            >
                <title id=title_id.clone()>{move || i18n.t(title_key)}</title>
                <desc id=desc_id.clone()>{description}</desc>
                {bars}
            </svg>
            <details class="ei-chart-table">
                <summary>{move || i18n.tf("engagement.chart.table", &[("chart", &i18n.t(title_key))])}</summary>
                <table class="data">
                    <caption>{move || i18n.t(title_key)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("engagement.chart.col.group")}</th>
                            <th scope="col">{move || i18n.t("engagement.chart.col.profiles")}</th>
                            <th scope="col">{move || i18n.t("engagement.chart.col.percent")}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
