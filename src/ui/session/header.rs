//! The session's header: the scenario's title and coachee, and the share, level, feedback and
//! projector tools, with the share panel they open.

use crate::link::Feedback;
use crate::ui::emit;
use crate::ui::widgets::SharePanel;
use crate::vocab::{Level, Named};
use yew::prelude::*;

/// The feedback settings, as offered in the session's menu.
const FEEDBACK_CHOICES: [(Feedback, &str); 4] = [
    (Feedback::Open, "After each question"),
    (Feedback::Collapsed, "Collapsed"),
    (Feedback::Reveal, "Reveal on click"),
    (Feedback::Exam, "Exam: at the end"),
];

/// What the header shows, and what its tools change.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub title: &'static str,
    /// The coachee's name.
    pub coachee: &'static str,
    /// One line about who the coachee is.
    pub role: &'static str,
    /// The link the share panel offers.
    pub link: String,
    pub seed: u64,
    pub level: Level,
    pub feedback: Feedback,
    pub projector: bool,
    pub on_level: Callback<Level>,
    pub on_feedback: Callback<Feedback>,
    pub on_projector: Callback<()>,
}

/// The session's header; the share panel opens under it.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let sharing = use_state(|| false);
    let on_feedback = {
        let on_feedback = props.on_feedback.clone();
        Callback::from(move |e: Event| {
            let label = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some((f, _)) = FEEDBACK_CHOICES.iter().find(|(_, l)| *l == label) {
                on_feedback.emit(*f);
            }
        })
    };
    let on_level = {
        let on_level = props.on_level.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(level) = Level::find(&name) {
                on_level.emit(level);
            }
        })
    };
    let imposed = props.level.scaffold().feedback.is_some();
    html! {
        <>
            <div class="session-head">
                <div>
                    <h2 id="session-title">{ props.title }</h2>
                    <p class="coachee">{ format!("{} — {}", props.coachee, props.role) }</p>
                </div>
                <div class="session-tools">
                    <button aria-expanded={sharing.to_string()} onclick={{ let sharing = sharing.clone(); Callback::from(move |_| sharing.set(!*sharing)) }}>{ "Share…" }</button>
                    <label>{ "Level " }
                        <select onchange={on_level} data-test="level">
                            { for Level::ALL.iter().map(|l| html! { <option value={l.name()} selected={*l == props.level}>{ l.label() }</option> }) }
                        </select>
                    </label>
                    <label>{ "Feedback " }
                        <select onchange={on_feedback} disabled={imposed} title={imposed.then_some("The unaided level gives feedback in the debrief only")}>
                            { for FEEDBACK_CHOICES.iter().map(|(f, label)| html! { <option value={label.to_string()} selected={*f == props.feedback}>{ *label }</option> }) }
                        </select>
                    </label>
                    <label class="switch"><input type="checkbox" checked={props.projector} onchange={emit(&props.on_projector, ())} />{ " Projector view" }</label>
                </div>
            </div>
            if *sharing {
                <SharePanel link={props.link.clone()} seed={props.seed} />
            }
        </>
    }
}
