//! GRADE to the CPG-on-FHIR rating extensions: the digit of a GRADE code is the strength of the
//! recommendation (1 strong, 2 weak), its letter the certainty of the evidence (A high, B
//! moderate, C low, D very low), and the direction is for or against.
//!
//! A good-practice point (GPP) has no GRADE rating: its strength extension carries the code
//! `GPP` of the export's own rating code system ([`RATING_SYSTEM`], in the Bundle), and it has no
//! quality-of-evidence extension, so that no consumer reads a certainty the source never gave.

use crate::json::{array, boolean, number, object, string, Json};
use pijnwijzer_model::{Direction, Strength};

/// The core extension for the strength of a recommendation (on `PlanDefinition.action`).
pub const STRENGTH_EXTENSION: &str =
    "http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation";
/// The core extension for the quality (certainty) of the evidence.
pub const QUALITY_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence";
/// The CPG implementation guide's extension for the direction, for or against.
pub const DIRECTION_EXTENSION: &str =
    "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-directionOfRecommendation";

/// HL7 Terminology's strength of recommendation: `strong`, `weak`.
pub const STRENGTH_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/recommendation-strength";
/// HL7 Terminology's quality of evidence: `high`, `moderate`, `low`, `very-low`.
pub const QUALITY_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/evidence-quality";
/// The CPG implementation guide's direction of a recommendation: `for`, `against`.
pub const DIRECTION_SYSTEM: &str =
    "http://hl7.org/fhir/uv/cpg/CodeSystem/cpg-recommendation-direction-cs";
/// The id of the export's own code system of the source's rating codes (1A–2C and GPP), which
/// the Bundle carries so that the rating system is documented, as the CPG methodology asks.
pub const RATING_SYSTEM: &str = "gradering";

/// The strength of a recommendation, from the digit of a GRADE code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecommendationStrength {
    /// `1`: a strong recommendation.
    Strong,
    /// `2`: a weak (conditional) recommendation.
    Weak,
}

/// The certainty of the evidence, from the letter of a GRADE code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceQuality {
    /// `A`.
    High,
    /// `B`.
    Moderate,
    /// `C`.
    Low,
    /// `D`.
    VeryLow,
}

/// How a node's strength reads in FHIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// A GRADE code: strength and certainty.
    Graded(RecommendationStrength, EvidenceQuality),
    /// A good-practice point: no GRADE rating.
    GoodPractice,
}

impl RecommendationStrength {
    /// The strength a GRADE digit stands for, if it is one.
    pub fn from_digit(digit: char) -> Option<Self> {
        match digit {
            '1' => Some(Self::Strong),
            '2' => Some(Self::Weak),
            _ => None,
        }
    }

    /// The code and display in [`STRENGTH_SYSTEM`], and the Dutch word the site uses.
    pub fn code(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Strong => ("strong", "Strong", "sterk"),
            Self::Weak => ("weak", "Weak", "zwak"),
        }
    }
}

impl EvidenceQuality {
    /// The certainty a GRADE letter stands for, if it is one.
    pub fn from_letter(letter: char) -> Option<Self> {
        match letter {
            'A' => Some(Self::High),
            'B' => Some(Self::Moderate),
            'C' => Some(Self::Low),
            'D' => Some(Self::VeryLow),
            _ => None,
        }
    }

    /// The code and display in [`QUALITY_SYSTEM`], and a Dutch label.
    pub fn code(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::High => ("high", "High quality", "hoge bewijskracht"),
            Self::Moderate => ("moderate", "Moderate quality", "matige bewijskracht"),
            Self::Low => ("low", "Low quality", "lage bewijskracht"),
            Self::VeryLow => ("very-low", "Very low quality", "zeer lage bewijskracht"),
        }
    }
}

/// The rating a strength code stands for. Read from its spelling ("1B", "GPP"), so a grade with a
/// D added to the model later maps without a change here; `None` for a code that is neither.
pub fn rating(code: &str) -> Option<Rating> {
    if code == Strength::Gpp.as_str() {
        return Some(Rating::GoodPractice);
    }
    let mut chars = code.chars();
    let (digit, letter) = (chars.next()?, chars.next()?);
    if chars.next().is_some() {
        return None;
    }
    Some(Rating::Graded(
        RecommendationStrength::from_digit(digit)?,
        EvidenceQuality::from_letter(letter)?,
    ))
}

/// The code and display in [`DIRECTION_SYSTEM`].
pub fn direction_code(direction: Direction) -> (&'static str, &'static str) {
    match direction {
        Direction::For => ("for", "For"),
        Direction::Against => ("against", "Against"),
    }
}

/// An extension whose value is a CodeableConcept of one coding, and a text.
fn coded_extension(url: &str, system: &str, code: &str, display: &str, text: &str) -> Json {
    let coding =
        object(&[("system", string(system)), ("code", string(code)), ("display", string(display))]);
    let concept = object(&[("coding", array(vec![coding])), ("text", string(text))]);
    object(&[("url", string(url)), ("valueCodeableConcept", concept)])
}

/// The rating extensions of a recommendation's action: strength, quality of evidence (graded
/// only) and direction, each present only where the source gives it. `base` is the export's
/// canonical base, for the GPP code.
pub fn extensions(
    strength: Option<Strength>,
    direction: Option<Direction>,
    base: &str,
) -> Vec<Json> {
    let mut extensions = Vec::new();
    match strength.and_then(|s| rating(s.as_str()).map(|r| (s, r))) {
        Some((code, Rating::Graded(strength, quality))) => {
            let (s_code, s_display, s_word) = strength.code();
            let (q_code, q_display, q_word) = quality.code();
            let text = |word: &str| format!("{}: {word}", code.as_str());
            extensions.push(coded_extension(
                STRENGTH_EXTENSION,
                STRENGTH_SYSTEM,
                s_code,
                s_display,
                &text(s_word),
            ));
            extensions.push(coded_extension(
                QUALITY_EXTENSION,
                QUALITY_SYSTEM,
                q_code,
                q_display,
                &text(q_word),
            ));
        }
        Some((code, Rating::GoodPractice)) => extensions.push(coded_extension(
            STRENGTH_EXTENSION,
            &format!("{base}/CodeSystem/{RATING_SYSTEM}"),
            code.as_str(),
            "Good practice point",
            &format!("{}: {}, niet gegradeerd", code.as_str(), code.label()),
        )),
        None => {}
    }
    if let Some(direction) = direction {
        let (code, display) = direction_code(direction);
        extensions.push(coded_extension(
            DIRECTION_EXTENSION,
            DIRECTION_SYSTEM,
            code,
            display,
            direction.label(),
        ));
    }
    extensions
}

/// The export's code system of the source's rating codes: each GRADE code with what it maps to,
/// and GPP. It documents the rating system, as the CPG methodology asks of conforming content.
pub(crate) fn rating_code_system(base: &str, version: &str, date: &str) -> crate::Resource {
    let concepts: Vec<Json> = Strength::ALL
        .iter()
        .map(|strength| {
            let code = strength.as_str();
            let definition = match rating(code) {
                Some(Rating::Graded(s, q)) => format!(
                    "GRADE {code}: {} aanbeveling ({}), {} ({}).",
                    s.code().2,
                    s.code().0,
                    q.code().2,
                    q.code().0
                ),
                _ => {
                    "Goede praktijk (good practice point): een aanbeveling zonder GRADE-gradering; \
                      de bron geeft geen sterkte van de aanbeveling en geen bewijskracht."
                        .to_string()
                }
            };
            object(&[
                ("code", string(code)),
                ("display", string(&format!("{code}: {}", strength.label()))),
                ("definition", string(&definition)),
            ])
        })
        .collect();
    let count = concepts.len();
    let resource = object(&[
        ("resourceType", string("CodeSystem")),
        ("id", string(RATING_SYSTEM)),
        ("url", string(&format!("{base}/CodeSystem/{RATING_SYSTEM}"))),
        ("version", string(version)),
        ("name", string("PijnwijzerGradering")),
        ("title", string("Gradering van de aanbevelingen (GRADE en goede praktijk)")),
        ("status", string("active")),
        ("experimental", boolean(false)),
        ("date", string(date)),
        ("publisher", string(crate::PUBLISHER)),
        (
            "description",
            string(
                "De codes waarmee de bronnen hun aanbevelingen graderen. Een GRADE-code wordt in de \
                 export omgezet naar cqf-strengthOfRecommendation (1 sterk, 2 zwak) en \
                 cqf-qualityOfEvidence (A hoog, B matig, C laag, D zeer laag); GPP blijft GPP.",
            ),
        ),
        ("caseSensitive", boolean(true)),
        ("content", string("complete")),
        ("count", number(count)),
        ("concept", array(concepts)),
    ]);
    ("CodeSystem", RATING_SYSTEM.to_string(), resource)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parse(extensions: Vec<Json>) -> Vec<Value> {
        extensions.iter().map(|e| serde_json::from_str(e.as_str()).unwrap()).collect()
    }

    #[test]
    fn the_digit_is_the_strength_and_the_letter_the_certainty() {
        use EvidenceQuality::*;
        use RecommendationStrength::*;
        let expected = [
            ("1A", Strong, High),
            ("1B", Strong, Moderate),
            ("1C", Strong, Low),
            ("1D", Strong, VeryLow),
            ("2A", Weak, High),
            ("2B", Weak, Moderate),
            ("2C", Weak, Low),
            ("2D", Weak, VeryLow),
        ];
        for (code, strength, quality) in expected {
            assert_eq!(rating(code), Some(Rating::Graded(strength, quality)), "{code}");
        }
        assert_eq!(rating("GPP"), Some(Rating::GoodPractice));
        for wrong in ["", "1", "3A", "1E", "1AB", "gpp"] {
            assert_eq!(rating(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn every_strength_of_the_model_has_a_rating() {
        for strength in Strength::ALL {
            assert!(rating(strength.as_str()).is_some(), "{strength:?}");
        }
    }

    #[test]
    fn a_graded_recommendation_carries_all_three_extensions_with_their_codes() {
        let extensions =
            parse(extensions(Some(Strength::G2C), Some(Direction::Against), "https://x.example"));
        let code = |url: &str| {
            let extension = extensions.iter().find(|e| e["url"] == url).expect(url);
            extension["valueCodeableConcept"]["coding"][0]["code"].as_str().unwrap().to_string()
        };
        assert_eq!(extensions.len(), 3);
        assert_eq!(code(STRENGTH_EXTENSION), "weak");
        assert_eq!(code(QUALITY_EXTENSION), "low");
        assert_eq!(code(DIRECTION_EXTENSION), "against");
    }

    #[test]
    fn a_good_practice_point_has_its_own_code_and_no_certainty() {
        let extensions =
            parse(extensions(Some(Strength::Gpp), Some(Direction::For), "https://x.example"));
        let urls: Vec<&str> = extensions.iter().map(|e| e["url"].as_str().unwrap()).collect();
        assert_eq!(urls, [STRENGTH_EXTENSION, DIRECTION_EXTENSION]);
        let coding = &extensions[0]["valueCodeableConcept"]["coding"][0];
        assert_eq!(coding["system"], "https://x.example/CodeSystem/gradering");
        assert_eq!(coding["code"], "GPP");
    }

    #[test]
    fn an_ungraded_node_has_no_rating_extension() {
        assert!(extensions(None, None, "https://x.example").is_empty());
    }
}
