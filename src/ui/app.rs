//! The app shell: title bar and the scenario library.

use crate::library;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let scenarios = library::scenarios();
    html! {
        <div class="app">
            <header class="topbar">
                <h1 class="brand">{ "growsim" }</h1>
                <p class="tagline">{ "Practise GROW coaching with a scripted coachee" }</p>
            </header>
            <main id="main">
                <h2>{ "Scenarios" }</h2>
                <ul class="scenario-list" aria-label="Scenario library">
                    { for scenarios.iter().map(|s| match s {
                        Ok(s) => html! {
                            <li class="scenario-card" data-id={s.id.clone()}>
                                <h3>{ &s.title }</h3>
                                <p class="difficulty">{ s.difficulty.label() }</p>
                                <p>{ &s.brief }</p>
                            </li>
                        },
                        Err(d) => html! { <li class="scenario-card error">{ d.to_string() }</li> },
                    }) }
                </ul>
            </main>
        </div>
    }
}
