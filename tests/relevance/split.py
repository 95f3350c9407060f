"""Splits newly written evaluation questions once, with a fixed seed, into a tuning half and a
held-out half (issue #15). Ranking decisions may look at the tuning half only; the held-out half
is what BENCHMARKS.md reports as the headline.

    python3 tests/relevance/split.py NEW.toml... 

Each voice is shuffled on its own with the seed and cut in two, so both halves hold every voice
in the same proportion. The questions are appended to tuning.toml and heldout.toml as written
(comments dropped); the NEW files can then be deleted. Run it once per batch of new questions,
never on questions already split.
"""

import random
import sys
import tomllib
from pathlib import Path

SEED = 15
HERE = Path(__file__).parent


def entry(question):
    lines = ["[[question]]"]
    for key in ("query", "voice", "answers", "audience"):
        if key not in question:
            continue
        value = question[key]
        if isinstance(value, list):
            text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        else:
            text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"


def main(paths):
    questions = [q for p in paths for q in tomllib.loads(Path(p).read_text())["question"]]
    rng = random.Random(SEED)
    halves = {"tuning": [], "heldout": []}
    for voice in sorted({q["voice"] for q in questions}):
        group = [q for q in questions if q["voice"] == voice]
        rng.shuffle(group)
        cut = (len(group) + 1) // 2
        halves["heldout"] += group[:cut]
        halves["tuning"] += group[cut:]
    for name, group in halves.items():
        path = HERE / f"{name}.toml"
        with path.open("a") as out:
            for question in group:
                out.write("\n" + entry(question))
        print(f"{path.name}: +{len(group)}")


if __name__ == "__main__":
    main(sys.argv[1:])
