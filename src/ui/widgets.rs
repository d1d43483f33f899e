//! Small presentational pieces: the GROW progress bar, the trust meter, score badges and
//! the SVG charts used by the debrief and progress pages, and the share panel with its QR code.

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

#[derive(Properties, PartialEq)]
pub struct GrowBarProps {
    pub current: Stage,
    pub visited: Vec<Stage>,
}

/// The five stages in order; the current one is marked, visited ones filled.
#[component]
pub fn GrowBar(props: &GrowBarProps) -> Html {
    // Each stage gets an equal slot of the 500-wide view box.
    let slot = 500 / Stage::ALL.len();
    html! {
        <figure class="grow-bar" aria-label={format!("GROW progress: now in {}", props.current.label())}>
            <svg viewBox="0 0 500 56" role="img" aria-hidden="true" focusable="false">
                { for Stage::ALL.iter().enumerate().map(|(i, &stage)| {
                    let x = i * slot;
                    let state = if stage == props.current { "now" } else if props.visited.contains(&stage) { "seen" } else { "todo" };
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
            <figcaption class="visually-hidden">{ format!("Current stage: {}. Visited: {}.", props.current.label(),
                props.visited.iter().map(|s| s.label()).collect::<Vec<_>>().join(", ")) }</figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// How full, 0–100.
    pub percent: f32,
    /// The colour class, e.g. `st-goal`.
    pub class: &'static str,
}

/// A horizontal bar drawn in SVG: its length is an attribute, not an inline style, so the page's
/// CSP can forbid inline styles altogether.
#[component]
pub fn Bar(props: &BarProps) -> Html {
    html! {
        <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class={classes!("bar", props.class)} width={fixed(props.percent.clamp(0.0, 100.0), 1)} height="10" />
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrustProps {
    pub value: i64,
}

/// The coachee's trust, 0–10.
#[component]
pub fn TrustMeter(props: &TrustProps) -> Html {
    let v = props.value.clamp(0, 10);
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

#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    pub kind: Kind,
    pub openness: Openness,
    pub stage: Stage,
    #[prop_or_default]
    pub fit: Option<Fit>,
}

/// Kind, openness, stage and fit as compact chips.
#[component]
pub fn ScoreBadges(props: &BadgeProps) -> Html {
    let good_form = matches!(props.kind, Kind::Open | Kind::Reflection | Kind::Summary);
    html! {
        <span class="badges">
            <span class={classes!("chip", if good_form { "ok" } else { "warn" })}>{ props.kind.label() }</span>
            if !props.kind.is_listening() && props.kind != Kind::Other {
                <span class="chip">{ props.openness.name() }</span>
            }
            <span class={classes!("chip", "stage", stage_class(props.stage))}>{ props.stage.label() }</span>
            if let Some(fit) = props.fit {
                <span class={classes!("chip", if fit == Fit::Good { "ok" } else { "warn" })}>{ format!("fit: {}", fit.name()) }</span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub turns: Vec<Exchange>,
}

/// One bar per question, coloured by the question's stage; tall when the fit was good.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let n = props.turns.len().max(1) as f32;
    let bar = 600.0 / n;
    html! {
        <figure class="timeline">
            <svg viewBox="0 0 600 120" role="img" aria-labelledby="timeline-title">
                <title id="timeline-title">{ "Session timeline: one bar per question, coloured by stage; full height means a good fit" }</title>
                <line x1="0" y1="100" x2="600" y2="100" class="axis" />
                { for props.turns.iter().enumerate().map(|(i, t)| {
                    let h = if t.score.fit == Fit::Good { 90.0 } else { 45.0 };
                    html! {
                        <rect class={classes!("bar", stage_class(t.score.stage))}
                            x={fixed(i as f32 * bar + 2.0, 1)} y={fixed(100.0 - h, 1)}
                            width={fixed((bar - 4.0).max(1.0), 1)} height={fixed(h, 1)}>
                            <title>{ format!("Turn {}: {} · {} · fit {}", t.turn, t.score.kind.label(), t.score.stage.label(), t.score.fit.name()) }</title>
                        </rect>
                    }
                }) }
                { for props.turns.iter().enumerate().map(|(i, t)| html! {
                    <text x={fixed(i as f32 * bar + bar / 2.0, 1)} y="116" text-anchor="middle" class="tick">{ t.turn }</text>
                }) }
            </svg>
            <figcaption class="legend">
                { for Stage::ALL.iter().map(|&s| html! { <span><i class={classes!("swatch", stage_class(s))}></i>{ s.label() }</span> }) }
            </figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct SparklineProps {
    /// Scores 0–100, oldest first.
    pub values: Vec<u32>,
    pub label: AttrValue,
}

/// A small line chart of scores over attempts.
#[component]
pub fn Sparkline(props: &SparklineProps) -> Html {
    let n = props.values.len();
    let x = |i: usize| if n <= 1 { 60.0 } else { 4.0 + i as f32 * 112.0 / (n - 1) as f32 };
    let y = |v: u32| 36.0 - v.min(100) as f32 * 0.32;
    let points: Vec<String> =
        props.values.iter().enumerate().map(|(i, &v)| format!("{},{}", fixed(x(i), 1), fixed(y(v), 1))).collect();
    html! {
        <svg class="sparkline" viewBox="0 0 120 40" role="img" aria-label={props.label.clone()}>
            <polyline points={points.join(" ")} />
            { for props.values.iter().enumerate().map(|(i, &v)| html! { <circle cx={fixed(x(i), 1)} cy={fixed(y(v), 1)} r="2.5" /> }) }
        </svg>
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
            <QrCode text={props.link.clone()} />
            <div>
                <p>{ format!("Everyone who opens this link gets the same session (seed {}), mode and feedback setting.", props.seed) }</p>
                <input class="share-link" readonly=true value={props.link.clone()} aria-label="Link to this session" />
                <button class="primary" onclick={copy}>{ "Copy link" }</button>
                if *copied { <span role="status" class="saved">{ " Copied." }</span> }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: String,
}

/// A QR code drawn as one SVG path, computed in the browser.
#[component]
pub fn QrCode(props: &QrProps) -> Html {
    let Ok(qr) = qrcodegen::QrCode::encode_text(&props.text, qrcodegen::QrCodeEcc::Medium) else {
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
