//! The documents: per source document a `Citation` and a `Composition` whose sections follow the
//! document's numbering (the nodes' `source.section`: "6.3.4" sits in "6.3" in "6"), one
//! sub-section per node with the node's text and a reference to its resource, if it has one;
//! and one `Composition` of the comparisons across documents.

use std::collections::BTreeMap;

use pijnwijzer_knowledge::view::DocumentView;
use pijnwijzer_model::{Kind, Node};

use crate::definitions::related_artifact_extension;
use crate::json::{array, boolean, object, string, Json};
use crate::{computable_name, narrative, Export, Resource, COMPARISONS, PUBLISHER};

/// The Citations and Compositions, documents in vocabulary order, then the comparisons.
pub(crate) fn resources(export: &Export) -> Vec<Resource> {
    let mut resources = Vec::new();
    for document in &export.documents {
        resources.push(citation(export, document));
        resources.push(composition(export, document));
    }
    let topics: Vec<&Node> =
        export.knowledge.nodes().iter().filter(|n| n.source.is_none()).collect();
    if !topics.is_empty() {
        resources.push(comparisons(export, &topics));
    }
    resources
}

fn citation(export: &Export, document: &DocumentView) -> Resource {
    let summary = format!("{}. {}. Versie {}.", document.short, document.title, document.version);
    let title = |kind: &str, text: &str| {
        object(&[("type", array(vec![object(&[("text", string(kind))])])), ("text", string(text))])
    };
    let cited = object(&[
        (
            "title",
            array(vec![title("titel", &document.title), title("korte titel", &document.short)]),
        ),
        ("version", object(&[("value", string(&document.version))])),
    ]);
    let resource = object(&[
        ("resourceType", string("Citation")),
        ("id", string(&document.id)),
        ("url", string(&export.url("Citation", &document.id))),
        ("version", string(&export.version)),
        ("name", string(&computable_name(&document.id))),
        ("title", string(&format!("Bron: {}", document.short))),
        ("status", string("active")),
        ("experimental", boolean(false)),
        ("date", string(&export.date)),
        ("publisher", string(PUBLISHER)),
        (
            "description",
            string(
                "De bron die Pijnwijzer in eigen woorden herschrijft; elke aanbeveling citeert er \
                 sectie, pagina en regels uit.",
            ),
        ),
        (
            "jurisdiction",
            array(vec![crate::jurisdiction::jurisdiction(&document.id, &document.country)]),
        ),
        ("summary", array(vec![object(&[("text", string(&summary))])])),
        ("citedArtifact", cited),
    ]);
    ("Citation", document.id.clone(), resource)
}

/// A section of a document: its nodes in source order and its numbered sub-sections.
#[derive(Default)]
struct Section<'a> {
    label: String,
    nodes: Vec<&'a Node>,
    children: BTreeMap<SectionKey, Section<'a>>,
}

/// Numbered sections in numeric order ("6.10" after "6.9"), then the others ("Bijlage 2") in
/// the order of their first page.
type SectionKey = (u8, Vec<u32>, u32, String);

fn numbers(label: &str) -> Option<Vec<u32>> {
    label.split('.').map(|part| part.parse().ok()).collect()
}

fn composition(export: &Export, document: &DocumentView) -> Resource {
    let mut nodes: Vec<&Node> = export
        .knowledge
        .nodes()
        .iter()
        .filter(|n| n.source.as_ref().is_some_and(|s| s.document == document.id))
        .collect();
    nodes.sort_by_key(|n| n.source.as_ref().map(|s| (s.page, s.lines.0)));
    let mut root = Section::default();
    for node in nodes {
        let Some(source) = &node.source else { continue };
        let mut section = &mut root;
        match numbers(&source.section) {
            Some(numbers) => {
                for depth in 1..=numbers.len() {
                    let label =
                        numbers[..depth].iter().map(u32::to_string).collect::<Vec<_>>().join(".");
                    section = section
                        .children
                        .entry((0, numbers[..depth].to_vec(), 0, String::new()))
                        .or_insert_with(|| Section { label, ..Section::default() });
                }
            }
            None => {
                // Nodes come in page order, so the first node of a section fixes its place.
                let existing = section.children.keys().find(|k| k.3 == source.section).cloned();
                let key = existing.unwrap_or((1, Vec::new(), source.page, source.section.clone()));
                section = section.children.entry(key).or_insert_with(|| Section {
                    label: source.section.clone(),
                    ..Section::default()
                });
            }
        }
        section.nodes.push(node);
    }
    let citation = object(&[
        ("type", string("citation")),
        ("label", string("bron")),
        ("display", string(&document.title)),
        ("resource", string(&export.url("Citation", &document.id))),
    ]);
    let sections = root.children.values().map(|s| section(export, s)).collect();
    let resource = composition_resource(
        export,
        &document.id,
        related_artifact_extension(citation),
        "Richtlijn, in eigen woorden herschreven",
        &format!("{} (in eigen woorden)", document.title),
        array(sections),
    );
    ("Composition", document.id.clone(), resource)
}

/// A Composition of Pijnwijzer's: id, its Citation (for a document), type, title and sections.
fn composition_resource(
    export: &Export,
    id: &str,
    extension: Json,
    kind: &str,
    title: &str,
    sections: Json,
) -> Json {
    object(&[
        ("resourceType", string("Composition")),
        ("id", string(id)),
        ("extension", array(vec![extension])),
        (
            "identifier",
            object(&[
                ("system", string(&format!("{}/document", export.base))),
                ("value", string(id)),
            ]),
        ),
        ("status", string("final")),
        ("type", object(&[("text", string(kind))])),
        ("date", string(&export.date)),
        ("author", array(vec![object(&[("display", string(PUBLISHER))])])),
        ("title", string(title)),
        ("section", sections),
    ])
}

fn section(export: &Export, section: &Section) -> Json {
    let title = if numbers(&section.label).is_some() {
        format!("§{}", section.label)
    } else {
        section.label.clone()
    };
    let slug: String = section
        .label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' })
        .collect();
    let mut parts: Vec<Json> = section.nodes.iter().map(|n| node_section(export, n)).collect();
    parts.extend(section.children.values().map(|child| self::section(export, child)));
    object(&[
        ("id", string(&format!("sectie-{slug}"))),
        ("title", string(&title)),
        ("section", array(parts)),
    ])
}

/// A node's own section: its text, layer by layer, and a reference to its resources.
fn node_section(export: &Export, node: &Node) -> Json {
    let view = export.view(&node.id);
    let mut facts = vec![node.kind.label().to_string()];
    facts.extend(node.strength.map(|s| format!("gradering {}", s.as_str())));
    facts.extend(node.direction.map(|d| d.label().to_string()));
    facts.extend(node.force.map(|f| f.label().to_string()));
    facts.extend(node.position.map(|p| p.label().to_string()));
    let mut parts = vec![(String::new(), facts.join(" · "))];
    if let Some(source) = &view.source {
        parts.push((String::new(), format!("Bron: {}", source.citation)));
    }
    parts.extend(view.layers.iter().map(|l| (l.title.clone(), l.text.clone())));
    object(&[
        ("id", string(export.id(&node.id))),
        ("title", string(&node.title)),
        ("text", narrative(&parts)),
        ("entry", array(entries(export, node))),
    ])
}

/// References to a node's resources: its PlanDefinition or Questionnaire, and a medication's
/// ActivityDefinition.
fn entries(export: &Export, node: &Node) -> Vec<Json> {
    let Some(resource_type) = export.resource_type(node) else { return Vec::new() };
    let id = export.id(&node.id);
    let reference = |url: String, display: &str| {
        object(&[("reference", string(&url)), ("display", string(display))])
    };
    let mut entries = vec![reference(export.url(resource_type, id), &node.title)];
    if node.kind == Kind::Medication && !export.is_matrix(node) {
        let drug = crate::names::generic(&node.title);
        entries.push(reference(export.url("ActivityDefinition", id), drug));
    }
    entries
}

/// The comparison topics: per topic what each document says, with its agreement, and
/// references to the nodes that say it.
fn comparisons(export: &Export, topics: &[&Node]) -> Resource {
    let sections = topics
        .iter()
        .map(|topic| {
            let view = export.view(&topic.id);
            let mut parts: Vec<(String, String)> =
                view.layers.iter().map(|l| (l.title.clone(), l.text.clone())).collect();
            let mut entries = Vec::new();
            for comparison in &view.compare {
                let short = export
                    .documents
                    .iter()
                    .find(|d| d.id == comparison.document)
                    .map_or(comparison.document.as_str(), |d| d.short.as_str());
                parts.push((
                    format!("{short}: {}", comparison.agreement.label()),
                    comparison.point.clone(),
                ));
                for member in &comparison.nodes {
                    if let Ok(member) = export.knowledge.raw_node(member) {
                        entries.extend(self::entries(export, member));
                    }
                }
            }
            object(&[
                ("id", string(export.id(&topic.id))),
                ("title", string(&topic.title)),
                ("text", narrative(&parts)),
                ("entry", array(entries)),
            ])
        })
        .collect();
    let resource = composition_resource(
        export,
        COMPARISONS,
        Json::default(),
        "Vergelijking van de documenten",
        "Wat de documenten zeggen, naast elkaar",
        array(sections),
    );
    ("Composition", COMPARISONS.to_string(), resource)
}
