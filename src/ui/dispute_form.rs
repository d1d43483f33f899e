//! "I disagree": the small form under a scored question where the learner disputes its verdict,
//! with the labels they would give and a reason. A refused dispute keeps everything typed.

use crate::dispute::{Dispute, Proposal, MAX_REASON};
use crate::engine::Exchange;
use crate::vocab::{Kind, Named, Stage, Verdict};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisputeFormProps {
    pub exchange: Exchange,
    /// The learner's dispute of this question so far, if any.
    pub existing: Option<Dispute>,
    pub on_dispute: Callback<Dispute>,
}

/// A select of one vocabulary, "as scored" first.
fn picker<T: Named + PartialEq>(
    label: &'static str,
    id: String,
    scored: &'static str,
    label_of: fn(T) -> &'static str,
    chosen: UseStateHandle<Option<T>>,
) -> Html {
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            chosen.set(T::find(&value));
        })
    };
    html! {
        <label for={id.clone()}>{ label }
            <select {id} {onchange}>
                <option value="" selected={chosen.is_none()}>{ format!("as scored ({scored})") }</option>
                { for T::ALL.iter().map(|&t| html! {
                    <option value={t.name()} selected={*chosen == Some(t)}>{ label_of(t) }</option>
                }) }
            </select>
        </label>
    }
}

/// The "I disagree" button, and the form it opens.
#[component]
pub fn DisputeForm(props: &DisputeFormProps) -> Html {
    let open = use_state(|| false);
    let kind = use_state(|| props.existing.as_ref().and_then(|d| d.proposed_kind));
    let stage = use_state(|| props.existing.as_ref().and_then(|d| d.proposed_stage));
    let verdict = use_state(|| props.existing.as_ref().and_then(|d| d.proposed_verdict));
    let reason = use_state(|| props.existing.as_ref().map(|d| d.reason.clone()).unwrap_or_default());
    let error = use_state(|| None::<String>);
    let e = &props.exchange;
    let id = |what: &str| format!("dispute-{}-{what}", e.turn);

    let submit = {
        let (open, error) = (open.clone(), error.clone());
        let proposal = Proposal { kind: *kind, stage: *stage, verdict: *verdict, reason: (*reason).clone() };
        let (exchange, on_dispute) = (props.exchange.clone(), props.on_dispute.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            match Dispute::of(&exchange, proposal.clone()) {
                Ok(dispute) => {
                    error.set(None);
                    open.set(false);
                    on_dispute.emit(dispute);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |ev: InputEvent| {
            reason.set(ev.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let count = reason.chars().count();

    html! {
        <div class="dispute">
            if let Some(d) = &props.existing {
                <p class="disputed" data-test="disputed">{ format!("You disagreed: {}", d.proposal_text()) }
                    if !d.reason.is_empty() { { format!(" — \"{}\"", d.reason) } }
                </p>
            }
            <button class="quiet" aria-expanded={open.to_string()} onclick={toggle}>
                { if props.existing.is_some() { "Change my dispute" } else { "I disagree" } }
            </button>
            if *open {
                <form class="dispute-form" onsubmit={submit} aria-label={format!("Dispute the verdict on question {}", e.turn)}>
                    <p class="muted">{ "Kept on this device. It goes to your facilitator only if you include it in your result." }</p>
                    <div class="row">
                        { picker::<Verdict>("Verdict ", id("verdict"), e.score.verdict.label(), Verdict::label, verdict.clone()) }
                        { picker::<Kind>("Form ", id("kind"), e.score.kind.label(), Kind::label, kind.clone()) }
                        { picker::<Stage>("Stage ", id("stage"), e.score.stage.label(), Stage::label, stage.clone()) }
                    </div>
                    <label for={id("reason")}>{ "Why? (optional, up to 500 characters)" }</label>
                    <textarea id={id("reason")} rows="2" value={(*reason).clone()} oninput={on_reason} />
                    <div class="row">
                        <span class={classes!("count", (count > MAX_REASON).then_some("over"))}>{ format!("{count} / {MAX_REASON}") }</span>
                        <button class="primary" type="submit">{ "Save my dispute" }</button>
                    </div>
                    if let Some(why) = &*error { <p class="error" role="alert">{ why }</p> }
                </form>
            }
        </div>
    }
}
