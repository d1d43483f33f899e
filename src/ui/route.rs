//! The URL hash as a link into the app: `#/`, `#/play/<scenario>?seed=<n>`, `#/debrief/<n>`,
//! `#/progress`. Facilitators share `#/play/…?seed=…` so a whole room gets the same session.

/// Where a hash points.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Home,
    Play { scenario: String, seed: Option<u64> },
    Debrief(usize),
    Progress,
}

/// Reads a location hash. Anything odd gives `Home` and a message saying what was wrong.
pub fn parse(hash: &str) -> (Link, Option<String>) {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let odd = |what: String| (Link::Home, Some(what));
    match parts.as_slice() {
        [] => (Link::Home, None),
        ["progress"] => (Link::Progress, None),
        ["debrief", n] => match n.parse() {
            Ok(n) => (Link::Debrief(n), None),
            Err(_) => odd(format!("\"{}\" is not an attempt number.", clip(n))),
        },
        ["play", id] => {
            let seed = query.split('&').find_map(|kv| kv.strip_prefix("seed="));
            match seed.map(|s| s.parse::<u64>()) {
                None => (Link::Play { scenario: id.to_string(), seed: None }, None),
                Some(Ok(seed)) => (Link::Play { scenario: id.to_string(), seed: Some(seed) }, None),
                Some(Err(_)) => (
                    Link::Play { scenario: id.to_string(), seed: None },
                    Some(format!(
                        "The seed \"{}\" in the link is not a whole number, so a new one was chosen.",
                        clip(seed.unwrap())
                    )),
                ),
            }
        }
        _ => odd(format!("The link \"#{}\" doesn't lead anywhere in growsim.", clip(path))),
    }
}

/// The hash for a link.
pub fn format(link: &Link) -> String {
    match link {
        Link::Home => "#/".into(),
        Link::Progress => "#/progress".into(),
        Link::Debrief(n) => format!("#/debrief/{n}"),
        Link::Play { scenario, seed: Some(seed) } => format!("#/play/{scenario}?seed={seed}"),
        Link::Play { scenario, seed: None } => format!("#/play/{scenario}"),
    }
}

/// Keeps echoed URL text short and printable.
fn clip(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        format!("{clean}…")
    } else {
        clean
    }
}
