"""Validates the FHIR export (`pijnwijzer export --fhir`) with a maintained FHIR library.

    .venv/bin/python tests/fhir/validate.py target/fhir.json [--nodes target/nodes.json]

Checks, and prints every failure with the entry it is in:

1. every entry, and the Bundle as a whole, parses against the FHIR R4B models of
   `fhir.resources` (types, cardinalities, primitive formats, no unknown elements), and the
   codes of the required bindings this export writes are among the allowed ones (the library
   does not check bindings);
2. every reference resolves inside the Bundle: each `Reference.reference` to a `fullUrl`; each
   canonical (`relatedArtifact.resource`, `action.definitionCanonical`) to a resource's `url`;
   each `relatedArtifact.url` under the Bundle's base to a `fullUrl`, and its `#fragment` to a
   section id of that Composition; each code system under the base to a CodeSystem;
3. every node the source grades (`strength` in the CLI's `export --json`) has a PlanDefinition
   whose action carries the strength, the quality of evidence (GRADE codes; none for GPP) and
   the direction the source gives, mapped as the README's FHIR section says; and no ungraded
   node carries a strength.

Without `--nodes` it runs `cargo run --release -p pijnwijzer-cli -- export --json` itself.
Exit 0 when all pass, 1 otherwise.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from fhir.resources.R4B import __fhir_version__, get_fhir_model_class

STRENGTH = "http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation"
QUALITY = "http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence"
DIRECTION = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-directionOfRecommendation"
STRENGTH_CODES = {"1": "strong", "2": "weak"}
QUALITY_CODES = {"A": "high", "B": "moderate", "C": "low", "D": "very-low"}

# The required bindings of the elements this export writes (R4B), which fhir.resources does not
# check: element path (resource type, then keys) -> allowed codes.
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
REQUIRED_CODES = {
    ("Bundle", "type"): {"collection"},
    ("PlanDefinition", "status"): PUBLICATION_STATUS,
    ("ActivityDefinition", "status"): PUBLICATION_STATUS,
    ("Questionnaire", "status"): PUBLICATION_STATUS,
    ("Citation", "status"): PUBLICATION_STATUS,
    ("CodeSystem", "status"): PUBLICATION_STATUS,
    ("CodeSystem", "content"): {"not-present", "example", "fragment", "complete", "supplement"},
    ("Composition", "status"): {"preliminary", "final", "amended", "entered-in-error"},
    ("relatedArtifact", "type"): {
        "documentation", "justification", "citation", "predecessor", "successor",
        "derived-from", "depends-on", "composed-of",
    },
    ("participant", "type"): {"patient", "practitioner", "related-person", "device"},
    ("action", "selectionBehavior"): {"any", "all", "all-or-none", "exactly-one", "at-most-one", "one-or-more"},
    ("ActivityDefinition", "intent"): {
        "proposal", "plan", "directive", "order", "original-order", "reflex-order",
        "filler-order", "instance-order", "option",
    },
    ("item", "type"): {
        "group", "display", "question", "boolean", "decimal", "integer", "date", "dateTime",
        "time", "string", "text", "url", "choice", "open-choice", "attachment", "reference",
        "quantity",
    },
    ("text", "status"): {"generated", "extensions", "additional", "empty"},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--nodes", type=Path, help="the output of `pijnwijzer export --json`")
    args = parser.parse_args()
    bundle = json.loads(args.bundle.read_text(encoding="utf-8"))
    if args.nodes:
        nodes = json.loads(args.nodes.read_text(encoding="utf-8"))["nodes"]
    else:
        nodes = json.loads(export_json())["nodes"]

    failures = []
    failures += parse(bundle)
    failures += references(bundle)
    failures += ratings(bundle, nodes)
    for failure in failures:
        print(f"fhir: {failure}", file=sys.stderr)
    entries = bundle.get("entry", [])
    if failures:
        print(f"fhir: {len(failures)} failure(s) in {len(entries)} entries", file=sys.stderr)
        return 1
    kinds = {}
    for entry in entries:
        kind = entry["resource"]["resourceType"]
        kinds[kind] = kinds.get(kind, 0) + 1
    graded = sum(1 for node in nodes if node.get("strength"))
    print(
        f"fhir: ok: {len(entries)} entries parse as FHIR {__fhir_version__} (fhir.resources), "
        f"every reference resolves, all {graded} graded nodes carry their rating; "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    )
    return 0


def export_json():
    root = Path(__file__).resolve().parents[2]
    command = ["cargo", "run", "--quiet", "--release", "-p", "pijnwijzer-cli", "--", "export", "--json"]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def parse(bundle):
    """(1) Every entry, and the Bundle, against the R4B models; the required codes."""
    failures = []
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        where = entry.get("fullUrl", "?")
        try:
            get_fhir_model_class(resource.get("resourceType", "?")).model_validate(resource)
        except Exception as error:  # the library's validation error, or an unknown type
            failures.append(f"{where}: does not parse as FHIR {__fhir_version__}: {error}")
        failures += [f"{where}: {problem}" for problem in codes(resource, resource.get("resourceType"))]
    try:
        get_fhir_model_class("Bundle").model_validate(bundle)
    except Exception as error:
        failures.append(f"the Bundle does not parse as FHIR {__fhir_version__}: {error}")
    failures += [f"Bundle: {problem}" for problem in codes({"type": bundle.get("type")}, "Bundle")]
    return failures


def codes(value, parent, path=""):
    """The codes under `value` that a required binding does not allow."""
    problems = []
    if isinstance(value, dict):
        for key, inner in value.items():
            allowed = REQUIRED_CODES.get((parent, key))
            if allowed is not None and isinstance(inner, str) and inner not in allowed:
                problems.append(f"{path}{key} `{inner}` is not one of the codes the binding allows")
            problems += codes(inner, key, f"{path}{key}.")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            problems += codes(inner, parent, f"{path}{index}.")
    return problems


def references(bundle):
    """(2) Every reference, canonical and base URL resolves inside the Bundle."""
    failures = []
    entries = bundle.get("entry", [])
    base = bundle.get("identifier", {}).get("system", "")
    full_urls = {}
    canonicals = {}
    for entry in entries:
        resource = entry["resource"]
        full_url = entry.get("fullUrl", "")
        expected = f"{base}/{resource['resourceType']}/{resource['id']}"
        if full_url != expected:
            failures.append(f"{full_url}: the fullUrl should be {expected}")
        if full_url in full_urls:
            failures.append(f"{full_url}: two entries have this fullUrl")
        full_urls[full_url] = resource
        if "url" in resource:
            canonicals[resource["url"]] = resource

    def section_ids(resource):
        ids = set()
        stack = list(resource.get("section", []))
        while stack:
            section = stack.pop()
            ids.add(section.get("id"))
            stack.extend(section.get("section", []))
        return ids

    def check(where, kind, target):
        if kind == "reference":
            if target not in full_urls:
                failures.append(f"{where}: reference {target} is not a fullUrl in the Bundle")
        elif kind == "canonical":
            if target.split("|")[0] not in canonicals:
                failures.append(f"{where}: canonical {target} is not the url of a resource in the Bundle")
        elif kind == "url" and base and target.startswith(base + "/"):
            document, _, fragment = target.partition("#")
            if document not in full_urls:
                failures.append(f"{where}: url {target} is not a fullUrl in the Bundle")
            elif fragment and fragment not in section_ids(full_urls[document]):
                failures.append(f"{where}: url {target}: the Composition has no section `{fragment}`")
        elif kind == "system" and base and target.startswith(base + "/"):
            if canonicals.get(target, {}).get("resourceType") != "CodeSystem":
                failures.append(f"{where}: code system {target} is not a CodeSystem in the Bundle")

    def walk(where, value, key=None):
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                if inner_key == "reference" and isinstance(inner, str):
                    check(where, "reference", inner)
                elif inner_key == "definitionCanonical" and isinstance(inner, str):
                    check(where, "canonical", inner)
                elif inner_key == "system" and isinstance(inner, str) and "code" in value:
                    check(where, "system", inner)
                elif key in ("relatedArtifact", "valueRelatedArtifact") and isinstance(inner, str):
                    if inner_key == "resource":
                        check(where, "canonical", inner)
                    elif inner_key == "url":
                        check(where, "url", inner)
                walk(where, inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(where, inner, key)

    for entry in entries:
        walk(entry.get("fullUrl", "?"), entry["resource"])
    return failures


def ratings(bundle, nodes):
    """(3) A node the source grades carries its rating; an ungraded one carries none."""
    failures = []
    plans = {}
    for entry in bundle.get("entry", []):
        resource = entry["resource"]
        if resource["resourceType"] != "PlanDefinition":
            continue
        for identifier in resource.get("identifier", []):
            if identifier.get("system", "").endswith("/node"):
                plans[identifier["value"]] = resource

    def code(extensions, url):
        found = [e for e in extensions if e.get("url") == url]
        if not found:
            return None
        return found[0]["valueCodeableConcept"]["coding"][0]["code"]

    for node in nodes:
        strength, direction = node.get("strength"), node.get("direction")
        plan = plans.get(node["id"])
        if node["kind"] in ("recommendation", "medication") or strength:
            if plan is None:
                failures.append(f"node {node['id']}: no PlanDefinition")
                continue
        if plan is None:
            continue
        extensions = plan["action"][0].get("extension", [])
        have = (code(extensions, STRENGTH), code(extensions, QUALITY), code(extensions, DIRECTION))
        if strength == "GPP":
            want = ("GPP", None, direction)
        elif strength:
            want = (STRENGTH_CODES.get(strength[0]), QUALITY_CODES.get(strength[1:]), direction)
        else:
            want = (None, None, direction)
        if have != want:
            failures.append(
                f"node {node['id']} ({strength or 'ungraded'}, {direction or 'no direction'}): "
                f"action has strength/quality/direction {have}, expected {want}"
            )
    return failures


if __name__ == "__main__":
    sys.exit(main())
