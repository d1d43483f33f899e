//! Links into the app, as URL hashes: `#/`, `#/play/<scenario>?seed=<n>&level=…&mode=…&feedback=…`,
//! `#/debrief/<n>`, `#/progress`, `#/class`, `#/drill` and `#/drill/<move>`. A facilitator shares a play link so the whole room
//! gets the same session. Parsing never fails: anything odd leads somewhere sensible, with a
//! message saying what was ignored.

/// How the learner asks questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Choose,
    Type,
}

/// When per-turn feedback shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Feedback {
    /// Shown after every question, expanded.
    #[default]
    Open,
    /// Shown as badges; the explanation is one click away.
    Collapsed,
    /// Hidden until the learner (or the facilitator) reveals it: for a room to vote first.
    Reveal,
    /// Exam mode: no feedback until the debrief.
    Exam,
}

/// Session settings a link can carry. `None` means "whatever the learner had".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// The level of scaffolding, fixed for everyone who opens the link (a workshop).
    pub level: Option<Level>,
    pub mode: Option<Mode>,
    pub feedback: Option<Feedback>,
    /// Large type and high contrast, for a projector.
    pub projector: bool,
}

/// Where a hash points.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Home,
    Play {
        scenario: String,
        seed: Option<u64>,
        settings: Settings,
    },
    Debrief(usize),
    Progress,
    Class,
    /// The drills page, or one move's drill.
    Drill(Option<crate::drill::Move>),
}

use crate::vocab::{Level, Named};

/// Longest hash read; the rest of a longer one is ignored.
const MAX_HASH: usize = 2000;

/// Reads a location hash. Returns the link and, when something was wrong, a message saying what.
///
/// ```
/// use growsim::link::{parse, Link, Mode};
/// let (link, complaint) = parse("#/play/vague-goal?seed=42&mode=type");
/// let Link::Play { scenario, seed, settings } = link else { panic!() };
/// assert_eq!((scenario.as_str(), seed, settings.mode), ("vague-goal", Some(42), Some(Mode::Type)));
/// assert_eq!(complaint, None);
/// ```
pub fn parse(hash: &str) -> (Link, Option<String>) {
    let hash: String = hash.chars().take(MAX_HASH).collect();
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let odd = |what: String| (Link::Home, Some(what));
    match parts.as_slice() {
        [] => (Link::Home, None),
        ["progress"] => (Link::Progress, None),
        ["class"] => (Link::Class, None),
        ["drill"] => (Link::Drill(None), None),
        ["drill", name] => match crate::drill::Move::find(name) {
            Some(drill) => (Link::Drill(Some(drill)), None),
            None => (
                Link::Drill(None),
                Some(format!("There is no drill called \"{}\"; pick one from the list.", clip(name))),
            ),
        },
        ["debrief", n] => match n.parse() {
            Ok(n) => (Link::Debrief(n), None),
            Err(_) => odd(format!("\"{}\" is not an attempt number.", clip(n))),
        },
        ["play", id] => {
            let (seed, settings, complaints) = play_query(query);
            let complaint = (!complaints.is_empty()).then(|| complaints.join(" "));
            (Link::Play { scenario: id.to_string(), seed, settings }, complaint)
        }
        _ => odd(format!("The link \"#{}\" doesn't lead anywhere in growsim.", clip(path))),
    }
}

fn play_query(query: &str) -> (Option<u64>, Settings, Vec<String>) {
    let (mut seed, mut settings, mut complaints) = (None, Settings::default(), Vec::new());
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "seed" => match value.parse::<u64>() {
                Ok(n) => seed = Some(n),
                Err(_) => complaints.push(format!(
                    "The seed \"{}\" in the link is not a whole number, so a new one was chosen.",
                    clip(value)
                )),
            },
            "level" => match Level::find(value) {
                Some(level) => settings.level = Some(level),
                None => complaints.push(format!(
                    "The level \"{}\" is unknown (use {}).",
                    clip(value),
                    Level::names().replace(", unaided", " or unaided")
                )),
            },
            "mode" => match value {
                "choose" => settings.mode = Some(Mode::Choose),
                "type" => settings.mode = Some(Mode::Type),
                "exam" => settings.feedback = Some(Feedback::Exam),
                _ => complaints.push(format!("The mode \"{}\" is unknown (use choose, type or exam).", clip(value))),
            },
            "feedback" => match value {
                "open" => settings.feedback = Some(Feedback::Open),
                "collapsed" => settings.feedback = Some(Feedback::Collapsed),
                "reveal" => settings.feedback = Some(Feedback::Reveal),
                "exam" | "hidden" => settings.feedback = Some(Feedback::Exam),
                _ => complaints.push(format!(
                    "The feedback setting \"{}\" is unknown (use open, collapsed, reveal or exam).",
                    clip(value)
                )),
            },
            "view" if value == "projector" => settings.projector = true,
            _ => complaints.push(format!("The link part \"{}\" was ignored.", clip(pair))),
        }
    }
    (seed, settings, complaints)
}

/// The hash for a link.
///
/// ```
/// use growsim::link::{format, parse};
/// let hash = "#/play/too-big-goal?seed=7&level=typed&mode=type&feedback=reveal&view=projector";
/// assert_eq!(format(&parse(hash).0), hash);
/// ```
pub fn format(link: &Link) -> String {
    match link {
        Link::Home => "#/".into(),
        Link::Progress => "#/progress".into(),
        Link::Class => "#/class".into(),
        Link::Drill(None) => "#/drill".into(),
        Link::Drill(Some(drill)) => format!("#/drill/{}", drill.name()),
        Link::Debrief(n) => format!("#/debrief/{n}"),
        Link::Play { scenario, seed, settings } => {
            let mut query = Vec::new();
            if let Some(seed) = seed {
                query.push(format!("seed={seed}"));
            }
            if let Some(level) = settings.level {
                query.push(format!("level={}", level.name()));
            }
            if let Some(mode) = settings.mode {
                query.push(format!("mode={}", if mode == Mode::Type { "type" } else { "choose" }));
            }
            if let Some(feedback) = settings.feedback {
                let name = match feedback {
                    Feedback::Open => "open",
                    Feedback::Collapsed => "collapsed",
                    Feedback::Reveal => "reveal",
                    Feedback::Exam => "exam",
                };
                query.push(format!("feedback={name}"));
            }
            if settings.projector {
                query.push("view=projector".into());
            }
            if query.is_empty() {
                format!("#/play/{scenario}")
            } else {
                format!("#/play/{scenario}?{}", query.join("&"))
            }
        }
    }
}

/// Keeps echoed text short and printable.
fn clip(text: &str) -> String {
    crate::json::clip(text, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn play(hash: &str) -> (String, Option<u64>, Settings, Option<String>) {
        match parse(hash) {
            (Link::Play { scenario, seed, settings }, complaint) => (scenario, seed, settings, complaint),
            other => panic!("{hash} parsed as {other:?}"),
        }
    }

    #[test]
    fn simple_pages() {
        for (hash, link) in
            [("", Link::Home), ("#/", Link::Home), ("#/progress", Link::Progress), ("#/class", Link::Class)]
        {
            assert_eq!(parse(hash), (link.clone(), None));
            assert_eq!(parse(&format(&link)).0, link);
        }
        assert_eq!(parse("#/debrief/3"), (Link::Debrief(3), None));
    }

    #[test]
    fn drill_links_name_a_move_or_the_list() {
        use crate::drill::Move;
        assert_eq!(parse("#/drill"), (Link::Drill(None), None));
        for &m in Move::ALL {
            let link = Link::Drill(Some(m));
            assert_eq!(parse(&format(&link)), (link, None));
        }
        let (link, complaint) = parse("#/drill/juggling");
        assert_eq!(link, Link::Drill(None));
        assert!(complaint.unwrap().contains("no drill called \"juggling\""));
    }

    #[test]
    fn a_play_link_carries_seed_mode_feedback_and_view() {
        let (id, seed, s, complaint) = play("#/play/vague-goal?seed=9&mode=choose&feedback=collapsed&view=projector");
        assert_eq!((id.as_str(), seed), ("vague-goal", Some(9)));
        assert_eq!(
            s,
            Settings { level: None, mode: Some(Mode::Choose), feedback: Some(Feedback::Collapsed), projector: true }
        );
        assert_eq!(complaint, None);
        assert_eq!(play("#/play/x?level=unaided").2.level, Some(Level::Unaided));
        let (_, _, s, complaint) = play("#/play/x?level=expert");
        assert_eq!(s.level, None);
        assert!(complaint.unwrap().contains("\"expert\" is unknown (use guided, typed or unaided)"));
        assert_eq!(play("#/play/x?mode=exam").2.feedback, Some(Feedback::Exam));
    }

    #[test]
    fn odd_parts_are_ignored_with_a_message() {
        let (_, seed, _, complaint) = play("#/play/x?seed=banana");
        assert_eq!(seed, None);
        assert!(complaint.unwrap().contains("\"banana\" in the link is not a whole number"));
        let (_, seed, _, _) = play("#/play/x?seed=99999999999999999999999");
        assert_eq!(seed, None, "too big for u64");
        let (_, _, s, complaint) = play("#/play/x?mode=shout&feedback=loud&utm=1");
        assert_eq!(s, Settings::default());
        let complaint = complaint.unwrap();
        assert!(complaint.contains("shout") && complaint.contains("loud") && complaint.contains("utm=1"));
        let (link, complaint) = parse("#/nowhere/at/all");
        assert_eq!(link, Link::Home);
        assert!(complaint.unwrap().contains("doesn't lead anywhere"));
        assert!(parse("#/debrief/x").1.unwrap().contains("not an attempt number"));
    }

    #[test]
    fn huge_or_strange_hashes_are_clipped() {
        let huge = format!("#/play/x?seed={}", "9".repeat(100_000));
        let (_, _, _, complaint) = play(&huge);
        assert!(complaint.unwrap().chars().count() < 200);
        let (link, complaint) = parse("#/\u{0}\u{7}<script>alert(1)</script>");
        assert_eq!(link, Link::Home);
        assert!(!complaint.unwrap().contains('\u{0}'));
    }
}
