"""How long a policy import takes as documents grow, and how well it covers the real fixture set.

    python bench/bench_policy_import.py            # timings for 250..2,000 generated clauses + coverage table

The generated document mixes the layouts the splitter handles (bullets, numbers, lead-ins,
tabs, wrapped lines, page footers) so every code path is timed; import time must grow
linearly with the number of clauses (issue #11).
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rep_assistant.core.policy import import_policy_text, parse_policy_text
from tests.core.policy_corpus import labelled_documents, score

_RULES = (
    "Please do not post photos of other people's children.",
    "Never use the group to air grievances about teachers or the school.",
    "No selling, advertising or promoting businesses.",
    "Avoid posting between 9pm and 7am, except in an emergency.",
    "Keep political opinions and current affairs out of the group.",
    "Treat every member of the group with courtesy and respect.",
)


def generated(clauses: int) -> str:
    lines = ["Oakfield Primary School", "Code of Conduct for Class WhatsApp Groups", ""]
    for i in range(clauses):
        if i % 50 == 0:
            lines += ["", f"Section {i // 50 + 1}", "The school considers the following inappropriate:"]
        rule = _RULES[i % len(_RULES)]
        lines.append(f"{i % 50 + 1}.\t{rule}" if i % 3 == 0 else (f"•\tPosting comments number {i} about staff" if i % 3 == 1 else f"- {rule}"))
        if i % 40 == 39:
            lines += ["Page 1 of 9", "Oakfield Primary School Code of Conduct"]
    return "\n".join(lines) + "\n"


def main() -> None:
    home = tempfile.mkdtemp(prefix="bench-policy-")
    os.environ["REP_ASSISTANT_HOME"] = home  # never the rep's own policies
    print("clauses  seconds  per-clause ms")
    for n in (250, 500, 1000, 2000):
        text = generated(n)
        start = time.perf_counter()
        policy = parse_policy_text(text, policy_id="bench")
        took = time.perf_counter() - start
        start = time.perf_counter()
        import_policy_text(text, name=f"bench {n}")  # first import, saved
        import_policy_text(text.replace("number 1", "number one"), name=f"bench {n}")  # a newer version
        again = time.perf_counter() - start
        print(f"{len(policy.clauses):7}  {took:7.3f}  {1000 * took / len(policy.clauses):8.3f}   import + re-import {again:6.2f} s")
    shutil.rmtree(home, ignore_errors=True)
    docs = labelled_documents()

    def covered(doc):
        return parse_policy_text(doc.path.read_text(encoding="utf-8"), policy_id="x").document_covered

    print("\nset       docs  recall  precision")
    for label, subset in (("dev", [d for d in docs if d.split == "dev"]), ("held-out", [d for d in docs if d.split == "holdout"]),
                          ("all", docs)):
        s = score(subset, covered)
        print(f"{label:9} {s.documents:4}  {s.recall:6.2f}  {s.precision:9.2f}")


if __name__ == "__main__":
    main()
