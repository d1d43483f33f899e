//! The transcript: the coachee's lines and the learner's questions, each question with the
//! feedback the setting allows, and a live region that reads out each new reply.

use crate::dispute::Dispute;
use crate::engine::{Exchange, Source, State};
use crate::link::Feedback;
use crate::ui::dispute_form::DisputeForm;
use crate::ui::emit;
use crate::ui::widgets::{score_badges, verdict_badge};
use std::rc::Rc;
use yew::prelude::*;

/// The session to show, and how its feedback is shown.
#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub session: Rc<State>,
    /// The coachee's name.
    pub coachee: &'static str,
    pub feedback: Feedback,
    /// In `Feedback::Reveal`, how many turns have had their feedback revealed.
    pub revealed: usize,
    pub on_reveal: Callback<()>,
    /// Given to the latest coachee line, so the page can move the focus to it.
    pub last_reply: NodeRef,
    /// Whether the coachee's thoughts show (the guided level).
    pub thoughts: bool,
    /// The verdicts disputed so far in this session.
    pub disputes: Vec<Dispute>,
    pub on_dispute: Callback<Dispute>,
}

/// The feedback under one of the learner's questions, as the feedback setting allows.
fn feedback_for(e: &Exchange, is_last: bool, props: &TranscriptProps) -> Html {
    let shown = match props.feedback {
        Feedback::Exam => false,
        Feedback::Reveal => (e.turn as usize) <= props.revealed,
        Feedback::Open | Feedback::Collapsed => true,
    };
    if !shown {
        return match (props.feedback, is_last) {
            (Feedback::Reveal, true) => {
                html! { <button class="reveal" onclick={emit(&props.on_reveal, ())}>{ "Reveal feedback" }</button> }
            }
            _ => html! {},
        };
    }
    let open = is_last && props.feedback != Feedback::Collapsed;
    html! {
        <div class="feedback">
            { verdict_badge(e.score.verdict, e.score.verdict_source) }
            { score_badges(e.score.kind, e.score.openness, e.score.stage, e.score.fit) }
            <details {open}>
                <summary>{ "Why" }</summary>
                // The author's judgement of the moment first; the generic reading of form and stage beside it.
                if let Some(note) = &e.score.note { <p class="note">{ note }</p> }
                <p>{ &e.score.form_note }</p>
                <ul class="reasons">{ for e.score.reasons().into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                <p>{ &e.score.explanation }</p>
                if let Some(better) = &e.score.better { <p class="better">{ "Try: " }<q>{ better }</q></p> }
            </details>
            <DisputeForm exchange={e.clone()} existing={props.disputes.iter().find(|d| d.turn == e.turn).cloned()}
                on_dispute={props.on_dispute.clone()} />
        </div>
    }
}

/// One of the coachee's lines. The latest one gets `last_reply`, so it can take the focus.
fn coachee_line(name: &str, text: &str, is_last: bool, last_reply: &NodeRef) -> Html {
    html! {
        <li class="msg coachee" tabindex={if is_last { "-1" } else { "" }} ref={if is_last { last_reply.clone() } else { NodeRef::default() }}>
            <span class="who">{ name }</span>
            <p>{ text }</p>
        </li>
    }
}

/// The conversation so far.
#[component]
pub fn Transcript(props: &TranscriptProps) -> Html {
    let (state, coachee) = (&props.session, props.coachee);
    let last = state.transcript.len();
    html! {
        <>
            <ol class="chat" aria-label="Conversation">
                { coachee_line(coachee, &state.opening, last == 0, &props.last_reply) }
                { for state.transcript.iter().map(|e| {
                    let is_last = e.turn as usize == last;
                    html! {
                        <>
                            <li class="msg you" data-kind={e.score.kind.name()} data-fit={e.score.fit.name()} data-verdict={e.score.verdict.name()}>
                                <span class="who">{ match e.source { Source::Menu { .. } => "You (chosen)", Source::Typed => "You (typed)" } }</span>
                                <p>{ &e.question }</p>
                                { feedback_for(e, is_last, props) }
                            </li>
                            { coachee_line(coachee, &e.reply, is_last, &props.last_reply) }
                            if let (true, Some(thought)) = (props.thoughts, &e.thought) {
                                <li class="msg thought" data-test="thought">
                                    <span class="who">{ format!("{coachee} thinks") }</span>
                                    <p>{ thought }</p>
                                </li>
                            }
                        </>
                    }
                }) }
            </ol>
            <div class="visually-hidden" aria-live="polite">
                { state.transcript.last().map(|e| format!("{coachee} says: {}", e.reply)).unwrap_or_default() }
            </div>
        </>
    }
}
