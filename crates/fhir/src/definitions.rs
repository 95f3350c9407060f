//! The computable resources, one or two per node: a recommendation or medication node as a
//! `PlanDefinition` of the CPG profile (a medication node also as the `ActivityDefinition` of the
//! drug its caution is about), a checklist as a `Questionnaire`, the referral matrix as a
//! `PlanDefinition` of actions.

use pijnwijzer_knowledge::view::NodeView;
use pijnwijzer_knowledge::Error;
use pijnwijzer_model::{Direction, Kind, LayerKey, Node, Position};

use crate::json::{array, boolean, object, string, Json};
use crate::{computable_name, grade, names, Export, Resource, PUBLISHER, RECOMMENDATION_PROFILE};

/// HL7 Terminology's plan definition types.
const PLAN_TYPE_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
/// HL7 Terminology's usage context types.
const USAGE_CONTEXT_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/usage-context-type";
/// The core extension that gives any element `relatedArtifact`s; the Questionnaire has none of
/// its own.
pub(crate) const RELATED_ARTIFACT_EXTENSION: &str =
    "http://hl7.org/fhir/StructureDefinition/cqf-relatedArtifact";

/// Every node's computable resources, in node order.
pub(crate) fn resources(export: &Export) -> Result<Vec<Resource>, Error> {
    let mut resources = Vec::new();
    for node in export.knowledge.nodes() {
        match export.resource_type(node) {
            Some("PlanDefinition") if export.is_matrix(node) => {
                resources.push(matrix(export, node)?);
            }
            Some("PlanDefinition") => {
                resources.push(recommendation(export, node)?);
                if node.kind == Kind::Medication {
                    resources.push(drug(export, node));
                }
            }
            Some("Questionnaire") => resources.push(checklist(export, node)?),
            _ => {}
        }
    }
    Ok(resources)
}

/// The plain text of one layer of a node, or an empty string.
fn layer(view: &NodeView, key: LayerKey) -> String {
    view.layers.iter().find(|l| l.key == key).map(|l| l.text.clone()).unwrap_or_default()
}

/// Several layers as one text, each under its Dutch title.
fn layers(view: &NodeView, keys: &[LayerKey]) -> String {
    keys.iter()
        .filter_map(|&key| {
            let text = layer(view, key);
            (!text.trim().is_empty()).then(|| format!("{}: {}", key.heading(), text.trim()))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A definitional resource: `resourceType`, `id`, the metadata every one shares (url, version,
/// name, title, status, date, publisher, jurisdiction), then `fields`.
fn definition(
    export: &Export,
    node: &Node,
    resource_type: &'static str,
    meta: Json,
    fields: &[(&str, Json)],
) -> Resource {
    let id = export.id(&node.id);
    let identifier = object(&[
        ("system", string(&format!("{}/node", export.base))),
        ("value", string(&node.id)),
    ]);
    let mut all = vec![
        ("resourceType", string(resource_type)),
        ("id", string(id)),
        ("meta", meta),
        ("url", string(&export.url(resource_type, id))),
        ("identifier", array(vec![identifier])),
        ("version", string(&export.version)),
        ("name", string(&computable_name(id))),
        ("title", string(&node.title)),
        ("status", string("active")),
        ("experimental", boolean(false)),
        ("date", string(&export.date)),
        ("publisher", string(PUBLISHER)),
        ("jurisdiction", export.jurisdiction(node)),
    ];
    all.extend(fields.iter().cloned());
    (resource_type, id.to_string(), object(&all))
}

fn plan_type(code: &str, display: &str) -> Json {
    let coding = object(&[
        ("system", string(PLAN_TYPE_SYSTEM)),
        ("code", string(code)),
        ("display", string(display)),
    ]);
    object(&[("coding", array(vec![coding]))])
}

/// Who an action addresses: the patient, or a care provider by role.
fn participants(view: &NodeView) -> Json {
    array(
        view.actors
            .iter()
            .map(|actor| {
                let kind = if actor.id == "patient" { "patient" } else { "practitioner" };
                participant(kind, &actor.label)
            })
            .collect(),
    )
}

fn participant(kind: &str, role: &str) -> Json {
    object(&[("type", string(kind)), ("role", object(&[("text", string(role))]))])
}

/// The node's source and typed links as `relatedArtifact`s.
fn artifacts(export: &Export, node: &Node) -> Json {
    let mut artifacts = vec![export.source_artifact(node)];
    artifacts.extend(export.link_artifacts(node));
    array(artifacts)
}

/// A recommendation (or any graded node, or a medication node) as a `cpg-recommendationdefinition`
/// PlanDefinition: the statement as its text, one action rated from GRADE, the source and the
/// typed links as `relatedArtifact`. A medication node's action is its caution, pointing at the
/// drug's ActivityDefinition.
fn recommendation(export: &Export, node: &Node) -> Result<Resource, Error> {
    let view = export.view(&node.id);
    let statement = layer(view, LayerKey::Main);
    let extensions = array(grade::extensions(node.strength, node.direction, &export.base));
    let mut action = vec![
        ("extension", extensions),
        ("title", string(&node.title)),
        ("description", string(&statement)),
    ];
    if node.kind == Kind::Medication {
        let medication = export.knowledge.medication(&node.id)?;
        let name = names::generic(&node.title);
        let title = match node.position {
            Some(position) => format!("{name}: {}", position.label()),
            None => name.to_string(),
        };
        action[1].1 = string(&title);
        if let Some(cautions) = medication.cautions {
            action[2].1 = string(&cautions.text);
            action.push(("textEquivalent", string(&statement)));
        }
        let drug = export.url("ActivityDefinition", export.id(&node.id));
        action.push(("definitionCanonical", string(&drug)));
    }
    action.push(("participant", participants(view)));
    let meta = object(&[("profile", array(vec![string(RECOMMENDATION_PROFILE)]))]);
    Ok(definition(
        export,
        node,
        "PlanDefinition",
        meta,
        &[
            ("type", plan_type("eca-rule", "ECA Rule")),
            ("description", string(&statement)),
            ("purpose", string(&layers(view, &[LayerKey::Rationale]))),
            (
                "usage",
                string(&layers(view, &[LayerKey::Conditions, LayerKey::Practice, LayerKey::Note])),
            ),
            ("relatedArtifact", artifacts(export, node)),
            ("action", array(vec![object(&action)])),
        ],
    ))
}

/// The drug a medication node's caution is about, as the order it concerns: its generic name
/// (or class) as the product, its brand names as topics, and `doNotPerform` where the guidance
/// advises against it.
fn drug(export: &Export, node: &Node) -> Resource {
    let name = names::generic(&node.title);
    let brands = names::brands(&node.aliases);
    let against = node.direction == Some(Direction::Against)
        || matches!(node.position, Some(Position::PreferablyNot | Position::NoPlace));
    let mut description = format!("Werkzame stof of groep: {name}.");
    if !brands.is_empty() {
        description.push_str(&format!(" Merknamen in de bron: {}.", brands.join(", ")));
    }
    let topics = std::iter::once(name)
        .chain(brands.iter().copied())
        .map(|name| object(&[("text", string(name))]))
        .collect();
    let advice = object(&[
        ("type", string("documentation")),
        ("label", string("advies")),
        ("display", string(&node.title)),
        ("resource", string(&export.url("PlanDefinition", export.id(&node.id)))),
    ]);
    definition(
        export,
        node,
        "ActivityDefinition",
        Json::default(),
        &[
            ("title", string(name)),
            ("description", string(&description)),
            ("topic", array(topics)),
            ("relatedArtifact", array(vec![export.source_artifact(node), advice])),
            ("kind", string("MedicationRequest")),
            ("intent", string("proposal")),
            ("doNotPerform", if against { boolean(true) } else { Json::default() }),
            ("productCodeableConcept", object(&[("text", string(name))])),
        ],
    )
}

/// A `relatedArtifact` as an extension, for the resources and elements that have none.
pub(crate) fn related_artifact_extension(artifact: Json) -> Json {
    if artifact.is_empty() {
        return artifact;
    }
    object(&[("url", string(RELATED_ARTIFACT_EXTENSION)), ("valueRelatedArtifact", artifact)])
}

/// A checklist as a Questionnaire: one boolean item to tick per checklist item, each with the
/// node it comes from; the source and the links as `cqf-relatedArtifact` extensions.
fn checklist(export: &Export, node: &Node) -> Result<Resource, Error> {
    let checklist = export.knowledge.checklist(&node.id)?;
    let mut extensions = vec![related_artifact_extension(export.source_artifact(node))];
    extensions.extend(export.link_artifacts(node).into_iter().map(related_artifact_extension));
    let items = checklist
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let origin = item
                .origin
                .as_ref()
                .and_then(|origin| export.knowledge.raw_node(&origin.id).ok())
                .map(|origin| {
                    related_artifact_extension(export.artifact_to(
                        origin,
                        "derived-from",
                        "herkomst",
                        &origin.title,
                    ))
                })
                .unwrap_or_default();
            object(&[
                ("extension", array(vec![origin])),
                ("linkId", string(&(index + 1).to_string())),
                ("text", string(&item.text)),
                ("type", string("boolean")),
            ])
        })
        .collect();
    let usage_context = object(&[
        (
            "code",
            object(&[
                ("system", string(USAGE_CONTEXT_SYSTEM)),
                ("code", string("user")),
                ("display", string("User Type")),
            ]),
        ),
        ("valueCodeableConcept", object(&[("text", string(checklist.audience.label()))])),
    ]);
    Ok(definition(
        export,
        node,
        "Questionnaire",
        Json::default(),
        &[
            ("extension", array(extensions)),
            ("description", string(&checklist.intro.text)),
            ("subjectType", array(vec![string("Patient")])),
            ("useContext", array(vec![usage_context])),
            ("item", array(items)),
        ],
    ))
}

/// The referral matrix as a PlanDefinition (a clinical protocol): one action per complaint type,
/// under it one action per discipline the matrix marks, any of which may be chosen.
fn matrix(export: &Export, node: &Node) -> Result<Resource, Error> {
    let matrix = export.knowledge.referral_matrix()?;
    let view = export.view(&node.id);
    let actions = matrix
        .rows
        .iter()
        .map(|row| {
            let disciplines = row
                .disciplines
                .iter()
                .map(|discipline| {
                    object(&[
                        ("title", string(discipline)),
                        ("participant", array(vec![participant("practitioner", discipline)])),
                    ])
                })
                .collect();
            let description = format!(
                "Klachttype: {}. De matrix noemt: {}.",
                row.complaint,
                row.disciplines.join(", ")
            );
            object(&[
                ("title", string(&row.complaint)),
                ("description", string(&description)),
                ("selectionBehavior", string("any")),
                ("action", array(disciplines)),
            ])
        })
        .collect();
    Ok(definition(
        export,
        node,
        "PlanDefinition",
        Json::default(),
        &[
            ("type", plan_type("clinical-protocol", "Clinical Protocol")),
            ("description", string(&layer(view, LayerKey::Main))),
            ("usage", string(&matrix.note.map(|note| note.text).unwrap_or_default())),
            ("relatedArtifact", artifacts(export, node)),
            ("action", array(actions)),
        ],
    ))
}
