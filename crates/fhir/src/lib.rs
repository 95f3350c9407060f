#![deny(missing_docs)]
//! The guidance as one FHIR R4B Bundle (type `collection`), for `pijnwijzer export --fhir` and
//! the package's `exportFhir()`.
//!
//! The knowledge core knows nothing of FHIR: this crate reads its public views ([`Knowledge`]) and
//! maps them, so the CLI and the wasm bindings share one mapping. The README's "FHIR" section
//! gives the mapping and why; in short:
//!
//! - per source document a `Composition` (sections following its numbering, one sub-section per
//!   node with the node's text) and a `Citation`; the comparisons across documents make one more
//!   `Composition`;
//! - per recommendation, and per medication node, a `PlanDefinition` of the CPG profile
//!   `cpg-recommendationdefinition`, its action rated from GRADE ([`grade`]), with
//!   `relatedArtifact` for its source and its typed links; per medication node also an
//!   `ActivityDefinition` naming the drug;
//! - per checklist a `Questionnaire`; the referral matrix a `PlanDefinition` of actions;
//! - one `CodeSystem` of the source's rating codes.
//!
//! Every reference is absolute and resolves to a `fullUrl` in the Bundle; a link to a node that
//! is text only points at its section of the document's `Composition` (`…/Composition/worel#id`).
//!
//! The Bundle is written as JSON text ([`json`]), not built as `serde_json` values, which cost the
//! wasm half as much again (the README's "FHIR" gives the sizes).

mod definitions;
mod documents;
pub mod grade;
pub mod json;
pub mod jurisdiction;
pub mod names;

use pijnwijzer_knowledge::view::{DocumentView, NodeView};
use pijnwijzer_knowledge::{Error, Knowledge};
use pijnwijzer_model::{EdgeType, Feature, Kind, Node};
use serde::Deserialize;

use json::{array, object, string, Json};

/// The FHIR version of the Bundle: R4B.
pub const FHIR_VERSION: &str = "4.3.0";
/// The canonical base when none is given: `.example` is reserved (RFC 2606), so these URLs never
/// claim a real host. A publisher passes its own.
pub const DEFAULT_BASE: &str = "https://pijnwijzer.example/fhir";
/// Who publishes the restatement (the sources' own publishers are in each `Citation`).
pub const PUBLISHER: &str = "Pijnwijzer";
/// The CPG profile every recommendation's PlanDefinition claims.
pub const RECOMMENDATION_PROFILE: &str =
    "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-recommendationdefinition";
/// The id of the Composition of the comparisons across documents.
pub const COMPARISONS: &str = "vergelijkingen";

/// What `exportFhir()` and `export --fhir` take. Both optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "FhirOptions", optional_fields))]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The canonical base of every resource's `url` and `fullUrl`, an `https://` or `http://`
    /// URL (default `https://pijnwijzer.example/fhir`).
    pub base: Option<String>,
    /// The date of the export, `YYYY-MM-DD`, in each resource's `date` (default today).
    pub date: Option<String>,
}

impl Options {
    /// The option names, as JS spells them.
    pub const FIELDS: &'static [&'static str] = &["base", "date"];
}

/// The TypeScript declarations of `exportFhir()`'s answer, which `build.rs` adds to the
/// package's: the Bundle is written as JSON text ([`json`]), so no Rust type has its shape.
pub const TYPESCRIPT: &str = r#"/**
 * A FHIR R4B Bundle of type `collection`: the whole guidance (README, "FHIR").
 */
export type FhirBundle = {
  resourceType: "Bundle";
  /** `pijnwijzer-` and the content version. */
  id: string;
  /** The content version, under the canonical base. */
  identifier: { system: string; value: string };
  type: "collection";
  /** Every resource with its absolute URL, which references use. */
  entry: FhirEntry[];
};

/**
 * One resource of the Bundle, as FHIR JSON.
 */
export type FhirEntry = {
  fullUrl: string;
  resource: { resourceType: string; id: string; [element: string]: unknown };
};"#;

/// The Bundle: the whole guidance as FHIR R4B JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    json: String,
    entries: usize,
}

impl Bundle {
    /// The Bundle as compact JSON.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// How many resources it holds.
    pub fn entries(&self) -> usize {
        self.entries
    }
}

/// The whole guidance as one FHIR R4B Bundle. `today` (`YYYY-MM-DD`) is the date when
/// `options.date` is absent: the caller reads the clock, which the wasm core cannot.
pub fn bundle(knowledge: &Knowledge, options: &Options, today: &str) -> Result<Bundle, Error> {
    let base = check_base(options.base.as_deref().unwrap_or(DEFAULT_BASE))?;
    let date = check_date(options.date.as_deref().unwrap_or(today))?;
    let export = Export::new(knowledge, base, date)?;
    let mut resources = documents::resources(&export);
    resources.push(grade::rating_code_system(&export.base, &export.version, &export.date));
    resources.extend(definitions::resources(&export)?);
    let entries = resources.len();
    let entry = resources
        .into_iter()
        .map(|(resource_type, id, resource)| {
            object(&[("fullUrl", string(&export.url(resource_type, &id))), ("resource", resource)])
        })
        .collect();
    let json = object(&[
        ("resourceType", string("Bundle")),
        ("id", string(&format!("pijnwijzer-{}", export.version))),
        (
            "identifier",
            object(&[("system", string(&export.base)), ("value", string(&export.version))]),
        ),
        ("type", string("collection")),
        ("entry", array(entry)),
    ]);
    Ok(Bundle { json: json.into_string(), entries })
}

/// A resource of the Bundle: its type, its id, and its JSON.
type Resource = (&'static str, String, Json);

/// What every part of the mapping needs: the knowledge, the base, the date, and each node's FHIR
/// id and view.
struct Export<'a> {
    knowledge: &'a Knowledge,
    base: String,
    date: String,
    version: String,
    documents: Vec<DocumentView>,
    /// Each node's FHIR id, in node order (the pack's, by id). Vectors rather than maps: found by
    /// binary search, they cost the wasm no hash-map code of their own.
    ids: Vec<String>,
    /// Each node's view (layers as text, citation, links), in node order.
    views: Vec<NodeView>,
    /// The id of the node that holds the referral matrix's table, if any.
    matrix: Option<String>,
}

impl<'a> Export<'a> {
    fn new(knowledge: &'a Knowledge, base: String, date: String) -> Result<Export<'a>, Error> {
        let nodes = knowledge.nodes();
        let ids = nodes.iter().map(|n| fhir_id(&n.id)).collect::<Result<Vec<_>, _>>()?;
        let mut sorted: Vec<&str> = ids.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
            let named: Vec<&str> = nodes
                .iter()
                .zip(&ids)
                .filter(|(_, id)| *id == pair[0])
                .map(|(n, _)| &*n.id)
                .collect();
            return Err(Error::Pack(format!(
                "nodes `{}` have the same FHIR id `{}`; rename one",
                named.join("` and `"),
                pair[0]
            )));
        }
        let views = nodes.iter().map(|n| knowledge.node(&n.id)).collect::<Result<Vec<_>, _>>()?;
        let version = knowledge.version();
        Ok(Export {
            knowledge,
            base,
            date,
            version: version.content,
            documents: version.documents,
            ids,
            views,
            matrix: knowledge.referral_matrix().ok().map(|m| m.id),
        })
    }

    /// The position of a node of the pack, whose nodes are sorted by id.
    fn index(&self, node: &str) -> usize {
        self.knowledge
            .nodes()
            .binary_search_by(|n| n.id.as_str().cmp(node))
            .expect("the mapping asks only for nodes of the pack")
    }

    fn id(&self, node: &str) -> &str {
        &self.ids[self.index(node)]
    }

    fn view(&self, node: &str) -> &NodeView {
        &self.views[self.index(node)]
    }

    /// The resource type a node maps to, or `None` for a node that is text only (its section of
    /// the document's Composition).
    fn resource_type(&self, node: &Node) -> Option<&'static str> {
        if node.kind == Kind::Recommendation
            || node.kind == Kind::Medication
            || node.strength.is_some()
            || self.matrix.as_deref() == Some(node.id.as_str())
        {
            Some("PlanDefinition")
        } else if node.kind == Kind::Checklist {
            Some("Questionnaire")
        } else {
            None
        }
    }

    fn url(&self, resource_type: &str, id: &str) -> String {
        format!("{}/{resource_type}/{id}", self.base)
    }

    /// The id of the Composition that holds a node's section: its document's, or the
    /// comparisons' for a comparison topic.
    fn composition_of(&self, node: &Node) -> String {
        node.source.as_ref().map_or_else(|| COMPARISONS.to_string(), |s| s.document.clone())
    }

    /// The `relatedArtifact` of a node's source: the citation, pointing at its document's
    /// Citation.
    fn source_artifact(&self, node: &Node) -> Json {
        let view = self.view(&node.id);
        let Some(source) = view.source.as_ref() else { return Json::default() };
        let Some(document) = self.documents.iter().find(|d| d.id == source.document) else {
            return Json::default();
        };
        let citation = format!(
            "{} ({}), {}; regels {}–{} van de brontekst.",
            document.title, document.version, source.citation, source.lines[0], source.lines[1]
        );
        object(&[
            ("type", string("citation")),
            ("label", string("bron")),
            ("display", string(&source.citation)),
            ("citation", string(&citation)),
            ("resource", string(&self.url("Citation", &source.document))),
        ])
    }

    /// One `relatedArtifact` per typed link the node makes. The exact edge type is the `label`;
    /// `type` is the nearest FHIR R4B relation.
    fn link_artifacts(&self, node: &Node) -> Vec<Json> {
        let view = self.view(&node.id);
        view.links
            .iter()
            .filter(|link| link.outgoing)
            .filter_map(|link| {
                let target = self.knowledge.raw_node(&link.id).ok()?;
                let display = format!("{}: {}", link.edge.label(), target.title);
                Some(self.artifact_to(
                    target,
                    artifact_type(link.edge),
                    link.edge.as_str(),
                    &display,
                ))
            })
            .collect()
    }

    /// A `relatedArtifact` of `kind` to `target`: to its resource, or to its section of a
    /// Composition when it is text only.
    fn artifact_to(&self, target: &Node, kind: &str, label: &str, display: &str) -> Json {
        let id = self.id(&target.id);
        let (resource, url) = match self.resource_type(target) {
            Some(resource_type) => (self.url(resource_type, id), String::new()),
            None => {
                let composition = self.url("Composition", &self.composition_of(target));
                (String::new(), format!("{composition}#{id}"))
            }
        };
        object(&[
            ("type", string(kind)),
            ("label", string(label)),
            ("display", string(display)),
            ("url", string(&url)),
            ("resource", string(&resource)),
        ])
    }

    /// The jurisdiction of a node's document, as a one-item array.
    fn jurisdiction(&self, node: &Node) -> Json {
        let Some(document) = node.source.as_ref().map(|s| &s.document) else {
            return Json::default();
        };
        let Some(country) = self.documents.iter().find(|d| &d.id == document).map(|d| &d.country)
        else {
            return Json::default();
        };
        array(vec![jurisdiction::jurisdiction(document, country)])
    }

    /// Whether the matrix node is `node`.
    fn is_matrix(&self, node: &Node) -> bool {
        node.feature == Some(Feature::ReferralMatrix)
            && self.matrix.as_deref() == Some(node.id.as_str())
    }
}

/// The R4B `RelatedArtifactType` nearest to an edge type. R4B has no `part-of`, so a refinement
/// (a drug of its class, a detail of a recommendation) `depends-on` what it refines.
fn artifact_type(edge: EdgeType) -> &'static str {
    match edge {
        EdgeType::Cites => "citation",
        EdgeType::DerivedFrom => "derived-from",
        EdgeType::Refines => "depends-on",
        EdgeType::SeeAlso
        | EdgeType::SameTopic
        | EdgeType::DiffersFrom
        | EdgeType::EscalatesTo
        | EdgeType::About => "documentation",
    }
}

/// A node id as a FHIR id (`[A-Za-z0-9\-\.]{1,64}`): underscores become hyphens.
fn fhir_id(node: &str) -> Result<String, Error> {
    let id: String = node.chars().map(|c| if c == '_' { '-' } else { c }).collect();
    let valid = (1..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if valid {
        Ok(id)
    } else {
        Err(Error::Pack(format!(
            "node id `{node}` cannot be a FHIR id (letters, digits, `-`, `.`, `_`; at most 64)"
        )))
    }
}

/// A FHIR `name` (a computable name, `[A-Z][A-Za-z0-9_]*`) from an id: each part capitalised.
fn computable_name(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn check_base(base: &str) -> Result<String, Error> {
    let base = base.trim_end_matches('/');
    let host = base.strip_prefix("https://").or_else(|| base.strip_prefix("http://"));
    let valid = host.is_some_and(|host| {
        !host.is_empty()
            && !host.starts_with('/')
            && !host
                .contains(|c: char| c.is_whitespace() || c.is_control() || "?#|\"<>".contains(c))
    });
    if valid {
        Ok(base.to_string())
    } else {
        Err(Error::InvalidArgument(format!(
            "FHIR base `{}`: give an https:// or http:// URL without spaces, query or fragment",
            base.chars().take(80).collect::<String>()
        )))
    }
}

fn check_date(date: &str) -> Result<String, Error> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |part: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        part.len() == digits
            && part.chars().all(|c| c.is_ascii_digit())
            && part.parse().is_ok_and(|n| range.contains(&n))
    };
    let valid = parts.len() == 3
        && number(parts[0], 4, 1000..=9999)
        && number(parts[1], 2, 1..=12)
        && number(parts[2], 2, 1..=31);
    if valid {
        Ok(date.to_string())
    } else {
        Err(Error::InvalidArgument(format!(
            "FHIR date `{}`: give a date as YYYY-MM-DD",
            date.chars().take(40).collect::<String>()
        )))
    }
}

/// Plain text as the XHTML of a FHIR narrative: a heading per part that has one, a paragraph
/// per line, escaped.
fn narrative(parts: &[(String, String)]) -> Json {
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for (heading, text) in parts {
        if !heading.is_empty() {
            div.push_str("<h4>");
            div.push_str(&escape(heading));
            div.push_str("</h4>");
        }
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            div.push_str("<p>");
            div.push_str(&escape(line));
            div.push_str("</p>");
        }
    }
    div.push_str("</div>");
    object(&[("status", string("generated")), ("div", string(&div))])
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_become_fhir_ids() {
        assert_eq!(fhir_id("zs.1_1.dossier").unwrap(), "zs.1-1.dossier");
        assert!(fhir_id(&"a".repeat(65)).is_err());
        assert!(fhir_id("a b").is_err());
        assert_eq!(computable_name("zs.1-1.dossier"), "Zs11Dossier");
    }

    #[test]
    fn the_base_and_the_date_are_checked() {
        assert_eq!(check_base("https://example.org/fhir/").unwrap(), "https://example.org/fhir");
        for wrong in ["ftp://example.org", "https://", "https://a b", "example.org", "https://x?y"]
        {
            assert!(check_base(wrong).is_err(), "{wrong}");
        }
        assert!(check_date("2026-12-05").is_ok());
        for wrong in ["2026-13-01", "26-12-05", "2026-12-5", "today", "2026-12-05T10:00"] {
            assert!(check_date(wrong).is_err(), "{wrong}");
        }
    }
}
