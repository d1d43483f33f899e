//! Loading your own scenario: pick or drop a TOML file; it is checked by the same validator as
//! `growsim check`, problems are listed with their line and node, and a valid file plays at once.

use super::files;
use super::state::{Action, AppState};
use super::storage::CustomFile;
use crate::library;
use crate::scenario::{Diagnostic, Severity};
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

/// Problems listed in full; the rest are counted, so a huge broken file can't flood the page.
const SHOWN: usize = 50;

#[derive(Properties, PartialEq)]
pub struct CustomProps {
    pub app: UseReducerHandle<AppState>,
}

/// What the last load found: the file name and its problems (or a message with no diagnostics).
#[derive(Clone, PartialEq, Default)]
struct Report {
    file: String,
    problems: Vec<Diagnostic>,
    message: Option<String>,
}

#[component]
pub fn CustomLoader(props: &CustomProps) -> Html {
    let app = props.app.clone();
    let reader = use_mut_ref(|| None::<FileReader>);
    let report = use_state(Report::default);
    let dragging = use_state(|| false);

    let load = {
        let (app, reader, report) = (app.clone(), reader.clone(), report.clone());
        Callback::from(move |file: web_sys::File| {
            let (app, report) = (app.clone(), report.clone());
            let name = file.name();
            *reader.borrow_mut() = files::read_text(file, move |text| {
                let source = match text {
                    Ok(source) => source,
                    Err(why) => return report.set(Report { file: name, problems: vec![], message: Some(why) }),
                };
                match library::add_custom(&name, &source) {
                    Ok((scenario, warnings)) => {
                        let id = scenario.id.clone();
                        report.set(Report { file: name.clone(), problems: warnings, message: None });
                        app.dispatch(Action::CustomAdded(CustomFile { id: id.clone(), file: name, source }));
                        app.dispatch(Action::Start { scenario: id, seed: super::new_seed(), level: None });
                    }
                    Err(problems) => report.set(Report { file: name, problems, message: None }),
                }
            });
        })
    };
    let on_pick = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = files::list(input.files()).into_iter().next() {
                load.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (load, dragging) = (load.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = files::list(e.data_transfer().and_then(|d| d.files())).into_iter().next() {
                load.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let errors = report.problems.iter().filter(|d| d.code.severity() == Severity::Error).count();

    html! {
        <section class="custom" aria-labelledby="custom-title">
            <h2 id="custom-title">{ "Your own scenario" }</h2>
            <div class={classes!("dropzone", dragging.then_some("dragging"))} ondrop={on_drop} ondragover={on_drag_over}
                ondragleave={{ let d = dragging.clone(); Callback::from(move |_| d.set(false)) }}>
                <p>
                    { "Drop a scenario file (.toml) here, or " }
                    <label class="button">{ "choose a file…" }<input type="file" accept=".toml,text/plain" class="visually-hidden" onchange={on_pick} /></label>
                </p>
                <p class="muted">{ "It is checked like growsim check, kept on this device, and starts at once. The format is described in the README, under \"Writing a scenario\"." }</p>
            </div>
            if let Some(message) = &report.message {
                <p class="error" role="alert">{ message }</p>
            }
            if !report.problems.is_empty() {
                <div class="problems" role="alert">
                    <p>{ if errors > 0 {
                        format!("\"{}\" was not loaded: {errors} error(s). Your saved scenarios are unchanged.", report.file)
                    } else {
                        format!("\"{}\" loaded with warnings:", report.file)
                    } }</p>
                    <ul>
                        { for report.problems.iter().take(SHOWN).map(|d| html! {
                            <li><code>{ d.code.name() }</code>{ " " }{ d.line.map(|l| format!("line {l}")).unwrap_or_default() }
                                { d.node.as_ref().map(|n| format!(", node '{n}'")).unwrap_or_default() }{ ": " }{ &d.message }</li>
                        }) }
                    </ul>
                    if report.problems.len() > SHOWN {
                        <p>{ format!("…and {} more. Run growsim check on the file to see them all.", report.problems.len() - SHOWN) }</p>
                    }
                </div>
            }
        </section>
    }
}
