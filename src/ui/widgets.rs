//! Small presentational pieces: the GROW progress bar, the trust meter, score badges and
//! the SVG charts used by the debrief and progress pages, and the share panel with its QR code.
//!
//! Widgets without state of their own are plain functions returning `Html` rather than
//! components: each component type costs about 2 KB of wasm in Yew's lifecycle code, and these
//! are cheap enough to rebuild whenever their page renders.

use super::copy_text;
use crate::decimal::fixed;
use crate::engine::Exchange;
use crate::scoring::{Fit, Kind, Openness, Stage};
use yew::prelude::*;

/// The CSS class that colours a stage.
pub fn stage_class(stage: Stage) -> &'static str {
    match stage {
        Stage::Rapport => "st-rapport",
        Stage::Goal => "st-goal",
        Stage::Reality => "st-reality",
        Stage::Options => "st-options",
        Stage::Will => "st-will",
    }
}

/// The five stages in order; the current one is marked, visited ones filled.
pub fn grow_bar(current: Stage, visited: &[Stage]) -> Html {
    // Each stage gets an equal slot of the 500-wide view box.
    let slot = 500 / Stage::ALL.len();
    html! {
        <figure class="grow-bar" aria-label={format!("GROW progress: now in {}", current.label())}>
            <svg viewBox="0 0 500 56" role="img" aria-hidden="true" focusable="false">
                { for Stage::ALL.iter().enumerate().map(|(i, &stage)| {
                    let x = i * slot;
                    let state = if stage == current { "now" } else if visited.contains(&stage) { "seen" } else { "todo" };
                    html! {
                        <g class={classes!("grow-step", stage_class(stage), state)}>
                            <rect x={(x + 2).to_string()} y="6" width={(slot - 4).to_string()} height="34" rx="8" />
                            <text x={(x + slot / 2).to_string()} y="28" text-anchor="middle">{ stage.label().split(' ').next().unwrap_or("") }</text>
                            if state == "now" {
                                <polygon points={format!("{},44 {},52 {},52", x + slot / 2, x + slot / 2 - 6, x + slot / 2 + 6)} />
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="visually-hidden">{ format!("Current stage: {}. Visited: {}.", current.label(),
                visited.iter().map(|s| s.label()).collect::<Vec<_>>().join(", ")) }</figcaption>
        </figure>
    }
}

/// A horizontal bar, `percent` (0–100) full, coloured by `class` (e.g. `st-goal`). It is drawn in
/// SVG so its length is an attribute, not an inline style, and the page's CSP can forbid inline
/// styles altogether.
pub fn bar(percent: f32, class: &'static str) -> Html {
    html! {
        <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class={classes!("bar", class)} width={fixed(percent.clamp(0.0, 100.0), 1)} height="10" />
        </svg>
    }
}

/// The coachee's trust, shown on a 0–10 meter.
pub fn trust_meter(value: i64) -> Html {
    let v = value.clamp(0, 10);
    let word = match v {
        0..=2 => "guarded",
        3..=5 => "cautious",
        6..=8 => "open",
        _ => "fully engaged",
    };
    html! {
        <div class="trust">
            <label for="trust-meter">{ "Trust " }<span class="trust-word">{ word }</span></label>
            <meter id="trust-meter" min="0" max="10" low="3" high="7" optimum="10" value={v.to_string()}>{ format!("{v}/10") }</meter>
        </div>
    }
}

/// Kind, openness, stage and fit as compact chips.
pub fn score_badges(kind: Kind, openness: Openness, stage: Stage, fit: Fit) -> Html {
    let good_form = matches!(kind, Kind::Open | Kind::Reflection | Kind::Summary);
    html! {
        <span class="badges">
            <span class={classes!("chip", if good_form { "ok" } else { "warn" })}>{ kind.label() }</span>
            if !kind.is_listening() && kind != Kind::Other {
                <span class="chip">{ openness.name() }</span>
            }
            <span class={classes!("chip", "stage", stage_class(stage))}>{ stage.label() }</span>
            <span class={classes!("chip", if fit == Fit::Good { "ok" } else { "warn" })}>{ format!("fit: {}", fit.name()) }</span>
        </span>
    }
}

/// The verdict on a question, and whether the scenario's author gave it or the generic rule did.
pub fn verdict_badge(verdict: crate::scenario::model::Verdict, source: crate::vocab::VerdictSource) -> Html {
    let class = if verdict.is_weak() { "warn" } else { "ok" };
    let from = match source {
        crate::vocab::VerdictSource::Authored => "the scenario's author",
        crate::vocab::VerdictSource::Generic => "generic rule",
    };
    html! {
        <span class="badges verdict" data-verdict={verdict.name()} data-source={source.name()}>
            <span class={classes!("chip", class)}>{ verdict.label() }</span>
            <span class="chip muted">{ from }</span>
        </span>
    }
}

/// One bar per question, coloured by the question's stage; tall when the fit was good.
pub fn timeline(turns: &[Exchange]) -> Html {
    let n = turns.len().max(1) as f32;
    let bar = 600.0 / n;
    html! {
        <figure class="timeline">
            <svg viewBox="0 0 600 120" role="img" aria-labelledby="timeline-title">
                <title id="timeline-title">{ "Session timeline: one bar per question, coloured by stage; full height means a good fit" }</title>
                <line x1="0" y1="100" x2="600" y2="100" class="axis" />
                { for turns.iter().enumerate().map(|(i, t)| {
                    let h = if t.score.fit == Fit::Good { 90.0 } else { 45.0 };
                    html! {
                        <rect class={classes!("bar", stage_class(t.score.stage))}
                            x={fixed(i as f32 * bar + 2.0, 1)} y={fixed(100.0 - h, 1)}
                            width={fixed((bar - 4.0).max(1.0), 1)} height={fixed(h, 1)}>
                            <title>{ format!("Turn {}: {} · {} · fit {}", t.turn, t.score.kind.label(), t.score.stage.label(), t.score.fit.name()) }</title>
                        </rect>
                    }
                }) }
                { for turns.iter().enumerate().map(|(i, t)| html! {
                    <text x={fixed(i as f32 * bar + bar / 2.0, 1)} y="116" text-anchor="middle" class="tick">{ t.turn }</text>
                }) }
            </svg>
            <figcaption class="legend">
                { for Stage::ALL.iter().map(|&s| html! { <span><i class={classes!("swatch", stage_class(s))}></i>{ s.label() }</span> }) }
            </figcaption>
        </figure>
    }
}

/// A small line chart of scores (0–100, oldest first) over attempts, labelled for screen readers.
pub fn sparkline(values: &[u32], label: String) -> Html {
    let n = values.len();
    let x = |i: usize| if n <= 1 { 60.0 } else { 4.0 + i as f32 * 112.0 / (n - 1) as f32 };
    let y = |v: u32| 36.0 - v.min(100) as f32 * 0.32;
    let points: Vec<String> =
        values.iter().enumerate().map(|(i, &v)| format!("{},{}", fixed(x(i), 1), fixed(y(v), 1))).collect();
    html! {
        <svg class="sparkline" viewBox="0 0 120 40" role="img" aria-label={label}>
            <polyline points={points.join(" ")} />
            { for values.iter().enumerate().map(|(i, &v)| html! { <circle cx={fixed(x(i), 1)} cy={fixed(y(v), 1)} r="2.5" /> }) }
        </svg>
    }
}

/// One row of a bar chart: a label, the bar, and the figure it stands for (with an optional
/// `data-test` name for the end-to-end tests).
pub fn bar_row(label: &str, percent: f32, class: &'static str, figure: String, test: Option<String>) -> Html {
    html! {
        <li>
            <span class="stage-name">{ label }</span>
            { bar(percent, class) }
            <span class="n" data-test={test}>{ figure }</span>
        </li>
    }
}

/// A table's header row: one column heading per label.
pub fn table_head(headings: &[&'static str]) -> Html {
    html! {
        <thead><tr>{ for headings.iter().map(|&h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub link: String,
    pub seed: u64,
}

/// The share panel: the session's link to copy, and a QR code so phones can join from a projector.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let copied = use_state(|| false);
    let copy = {
        let (link, copied) = (props.link.clone(), copied.clone());
        Callback::from(move |_| {
            copy_text(&link);
            copied.set(true);
        })
    };
    html! {
        <div class="share-panel panel">
            { qr_code(&props.link) }
            <div>
                <p>{ format!("Everyone who opens this link gets the same session (seed {}), mode and feedback setting.", props.seed) }</p>
                <input class="share-link" readonly=true value={props.link.clone()} aria-label="Link to this session" />
                <button class="primary" onclick={copy}>{ "Copy link" }</button>
                if *copied { <span role="status" class="saved">{ " Copied." }</span> }
            </div>
        </div>
    }
}

/// A QR code of `text` drawn as one SVG path, computed in the browser.
pub fn qr_code(text: &str) -> Html {
    let Ok(qr) = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium) else {
        return html! { <p class="muted">{ "This link is too long for a QR code." }</p> };
    };
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    let view = format!("-4 -4 {} {}", size + 8, size + 8);
    html! {
        <svg class="qr" viewBox={view} role="img" aria-label="QR code of the session link" shape-rendering="crispEdges">
            <rect x="-4" y="-4" width={(size + 8).to_string()} height={(size + 8).to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

/// The panel shown while the scenario `title` is fetched, or why it could not be, with a retry.
pub fn scenario_loading(
    title: &str,
    error: Option<&str>,
    on_retry: Callback<MouseEvent>,
    on_home: Callback<MouseEvent>,
) -> Html {
    html! {
        <section class="panel scenario-loading" aria-busy={error.is_none().to_string()}>
            <h2>{ title }</h2>
            if let Some(why) = error {
                <p role="alert">{ why }</p>
                <div class="card-actions">
                    <button class="primary" onclick={on_retry}>{ "Try again" }</button>
                    <button onclick={on_home}>{ "Back to the library" }</button>
                </div>
            } else {
                <p role="status">{ "Loading the scenario…" }</p>
            }
        </section>
    }
}
