//! The facilitator's class page: drop result files or paste result codes, see the class at a
//! glance (openness per learner, stage fit, the most common weak turns) and export a CSV.
//! Everything stays in this browser tab.

use super::state::{Action, AppState};
use super::widgets::{bar_row, table_head};
use super::{dispatch, download, files};
use crate::decimal::{fixed, percent};
use crate::library;
use crate::results::{disputes_tsv, read, summarise, to_csv, ResultFile};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Files being read together: all their results are added in one step when the last one is done,
/// so 300 files cost one update, not 300.
#[derive(Default)]
struct Batch {
    pending: usize,
    results: Vec<ResultFile>,
    problems: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct ClassProps {
    pub app: UseReducerHandle<AppState>,
}

#[component]
pub fn ClassPage(props: &ClassProps) -> Html {
    let app = props.app.clone();
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let problems = use_state(Vec::<String>::new);
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);

    // Reads every file; when all are read, the good results are added at once and each bad
    // file gets its own message.
    let take_files = {
        let (app, readers, problems) = (app.clone(), readers.clone(), problems.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            let batch = Rc::new(RefCell::new(Batch { pending: list.len(), ..Batch::default() }));
            for file in list {
                let (app, problems, batch) = (app.clone(), problems.clone(), batch.clone());
                let name = file.name();
                let reader = files::read_text(file, move |text| {
                    let mut b = batch.borrow_mut();
                    match text.and_then(|t| read(&t)) {
                        Ok(results) => b.results.extend(results),
                        Err(why) if why.contains(&name) => b.problems.push(why),
                        Err(why) => b.problems.push(format!("\"{name}\": {why}")),
                    }
                    b.pending -= 1;
                    if b.pending == 0 {
                        problems.set(std::mem::take(&mut b.problems));
                        if !b.results.is_empty() {
                            app.dispatch(Action::AddResults(std::mem::take(&mut b.results)));
                        }
                    }
                });
                readers.borrow_mut().extend(reader);
            }
        })
    };
    let on_pick = {
        let take_files = take_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            take_files.emit(files::list(input.files()));
            input.set_value("");
        })
    };
    let on_drop = {
        let (take_files, dragging) = (take_files.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            take_files.emit(files::list(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let add_pasted = {
        let (app, pasted, problems) = (app.clone(), pasted.clone(), problems.clone());
        Callback::from(move |_| match read(&pasted) {
            Ok(results) => {
                app.dispatch(Action::AddResults(results));
                pasted.set(String::new());
                problems.set(Vec::new());
            }
            Err(why) => problems.set(vec![format!("The pasted text: {why}.")]),
        })
    };

    let summary = summarise(&app.class);
    let total_questions: usize = summary.fit_counts.iter().sum::<usize>().max(1);
    let fit_names = ["good", "early", "late", "off"];
    let title = |id: &str| library::card(id).map(|s| s.title).unwrap_or_else(|| id.to_string());

    html! {
        <section class="class-page" aria-labelledby="class-title">
            <h2 id="class-title">{ "Class results" }</h2>
            <p>{ "Learners export a result from their debrief (\"For your facilitator\"). Drop the files here or paste the codes. Nothing is uploaded: the results stay in this tab." }</p>
            <div class={classes!("dropzone", dragging.then_some("dragging"))} ondrop={on_drop} ondragover={on_drag_over}
                ondragleave={{ let d = dragging.clone(); Callback::from(move |_| d.set(false)) }}>
                <p>{ "Drop result files here, or " }
                    <label class="button">{ "choose files…" }<input type="file" multiple=true accept=".json,application/json,.txt" class="visually-hidden" onchange={on_pick} /></label>
                </p>
                <label for="codes">{ "…or paste result codes (one per line):" }</label>
                <textarea id="codes" rows="3" value={(*pasted).clone()} oninput={on_paste_input} placeholder="GS1.eyJmb3JtYXQiOi…" />
                <button onclick={add_pasted} disabled={pasted.trim().is_empty()}>{ "Add pasted results" }</button>
            </div>
            if !problems.is_empty() {
                <ul class="problems" role="alert">
                    { for problems.iter().map(|p| html! { <li>{ p }</li> }) }
                </ul>
            }
            if summary.rows.is_empty() {
                <p class="empty">{ "No results yet." }</p>
            } else {
                <div class="charts">
                    <figure class="bars per-learner">
                        <figcaption>{ "Open questions & reflections, per learner" }</figcaption>
                        <ul>
                            { for summary.rows.iter().map(|r| bar_row(&r.learner, r.open_ratio * 100.0, "st-goal", percent(r.open_ratio), None)) }
                        </ul>
                    </figure>
                    <figure class="bars fit-split">
                        <figcaption>{ format!("Stage fit of all {} questions", summary.fit_counts.iter().sum::<usize>()) }</figcaption>
                        <ul>
                            { for fit_names.iter().zip(summary.fit_counts).map(|(name, n)| {
                                let class = if *name == "good" { "st-will" } else { "st-reality" };
                                bar_row(name, (n * 100) as f32 / total_questions as f32, class, n.to_string(), Some(format!("fit-{name}")))
                            }) }
                        </ul>
                    </figure>
                </div>
                <h3>{ "Where the class found it hardest" }</h3>
                if summary.weak_turns.is_empty() {
                    <p class="empty">{ "No weak questions: every question was open or fitted its moment." }</p>
                } else {
                <div class="table-wrap">
                    <table class="turns">
                        { table_head(&["Scenario", "At", "Weak questions", "Most common form", "Example"]) }
                        <tbody>
                            { for summary.weak_turns.iter().map(|w| html! {
                                <tr>
                                    <td>{ title(&w.scenario) }</td>
                                    <td><code>{ &w.node }</code></td>
                                    <td>{ format!("{} of {} learners", w.weak, w.reached) }</td>
                                    <td>{ w.common_kind.label() }</td>
                                    <td>{ w.example.clone().unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                }
                <h3>{ "Most disputed verdicts" }</h3>
                if summary.disputed.is_empty() {
                    <p class="empty">{ "No learner included a disputed verdict." }</p>
                } else {
                <div class="table-wrap">
                    <table class="turns" data-test="disputed">
                        { table_head(&["Scenario", "Question", "Scored", "Learners", "What they said"]) }
                        <tbody>
                            { for summary.disputed.iter().map(|d| html! {
                                <tr>
                                    <td>{ title(&d.scenario) }</td>
                                    <td>{ &d.question }</td>
                                    <td>{ d.verdict.label() }</td>
                                    <td>{ d.learners }</td>
                                    <td><ul>{ for d.proposals.iter().map(|p| html! { <li>{ p }</li> }) }</ul></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                }
                <p class="muted">{ "Reflections to questions: motivational-interviewing coders count 1:1 as fair and 2:1 as good. Open questions: 50% is a beginning, 70% competent." }</p>
                <h3>{ "Learners" }</h3>
                <div class="table-wrap">
                    <table class="turns" data-test="learners">
                        { table_head(&["Learner", "Scenario", "Seed", "Level", "Outcome", "Score", "Questions", "Reflections : questions", "Open questions", "Disputes"]) }
                        <tbody>
                            { for summary.rows.iter().map(|r| html! {
                                <tr>
                                    <td>{ &r.learner }</td>
                                    <td>{ title(&r.scenario) }</td>
                                    <td>{ r.seed }</td>
                                    <td>{ r.level.map(|l| l.label()).unwrap_or("–") }</td>
                                    <td>{ r.outcome.map(|o| o.label()).unwrap_or("Ended early") }</td>
                                    <td>{ r.score }</td>
                                    <td>{ r.questions }</td>
                                    <td data-test="class-ratio">{ r.listening.ratio.map_or("–".to_string(), |v| format!("{}:1", fixed(v, 1))) }<br/><small>{ r.listening.ratio_band.label() }</small></td>
                                    <td data-test="class-open">{ r.listening.open_share.map_or("–".to_string(), percent) }<br/><small>{ r.listening.open_band.label() }</small></td>
                                    <td>{ r.disputes }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="actions">
                    <button onclick={{ let app = app.clone(); Callback::from(move |_| download("growsim-class.csv", "text/csv", &to_csv(&summarise(&app.class)))) }}>{ "Export CSV" }</button>
                    <button disabled={summary.disputed.is_empty()} onclick={{ let app = app.clone(); Callback::from(move |_| download("growsim-disputes.tsv", "text/tab-separated-values", &disputes_tsv(&app.class))) }}>{ "Export disputes (TSV)" }</button>
                    <button class="danger" onclick={dispatch(&app, Action::ClearClass)}>{ "Clear class results" }</button>
                </div>
            }
        </section>
    }
}
