//! Where each document applies, as a FHIR `jurisdiction`: the country of the vocabulary
//! (`content/vocabulary.toml`, ISO 3166-1), or for a regional agreement the ISO 3166-2
//! subdivision that holds its region, named in the text.

use crate::json::{array, object, string, Json};

/// ISO 3166-1 country codes.
pub const COUNTRY_SYSTEM: &str = "urn:iso:std:iso:3166";
/// ISO 3166-2 subdivision codes.
pub const SUBDIVISION_SYSTEM: &str = "urn:iso:std:iso:3166:-2";

/// A document that applies to a region rather than its whole country: document id, ISO 3166-2
/// subdivision, its name, and the region's name. The vocabulary records only the country, so the
/// region is stated here; no ISO or FHIR code exists for a care region such as Zuidoost-Brabant,
/// so it is the province that holds it, with the region in the text.
const REGIONS: &[(&str, &str, &str, &str)] =
    &[("rta", "NL-NB", "Noord-Brabant", "regio Zuidoost-Brabant")];

/// The Dutch name of a country code, for the text.
fn country_name(code: &str) -> &str {
    match code {
        "BE" => "België",
        "NL" => "Nederland",
        other => other,
    }
}

/// The jurisdiction of the document `document` of `country` (`BE`, `NL`): one CodeableConcept.
pub fn jurisdiction(document: &str, country: &str) -> Json {
    let (system, code, display, text) = match REGIONS.iter().find(|(id, ..)| *id == document) {
        Some((_, code, name, region)) => (
            SUBDIVISION_SYSTEM,
            *code,
            *name,
            format!("{region} ({name}, {})", country_name(country)),
        ),
        None => (COUNTRY_SYSTEM, country, "", country_name(country).to_string()),
    };
    let coding =
        object(&[("system", string(system)), ("code", string(code)), ("display", string(display))]);
    object(&[("coding", array(vec![coding])), ("text", string(&text))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parse(json: Json) -> Value {
        serde_json::from_str(json.as_str()).unwrap()
    }

    fn coding(value: &Value) -> (&str, &str) {
        let coding = &value["coding"][0];
        (coding["system"].as_str().unwrap(), coding["code"].as_str().unwrap())
    }

    #[test]
    fn worel_applies_in_belgium_and_the_zorgstandaard_in_the_netherlands() {
        assert_eq!(coding(&parse(jurisdiction("worel", "BE"))), (COUNTRY_SYSTEM, "BE"));
        assert_eq!(coding(&parse(jurisdiction("zorgstandaard", "NL"))), (COUNTRY_SYSTEM, "NL"));
        assert_eq!(parse(jurisdiction("worel", "BE"))["text"], "België");
    }

    #[test]
    fn the_rta_applies_in_its_region_of_noord_brabant() {
        let rta = parse(jurisdiction("rta", "NL"));
        assert_eq!(coding(&rta), (SUBDIVISION_SYSTEM, "NL-NB"));
        assert_eq!(rta["text"], "regio Zuidoost-Brabant (Noord-Brabant, Nederland)");
    }
}
