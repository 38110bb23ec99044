"""Lesson 11 (the capstone): built from its MyST source, and private when run on a real-looking export.

The privacy test runs the lesson headless, as a learner would, on a synthetic
export full of recognisable fake names, emails and profile addresses, with
the configuration folder in a temporary place, and then looks for every one
of those strings in every output, in the notebook (metadata and widget state
included) and in every file of the export's folder, the working folder and
the configuration folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "course" / "11-capstone-audit.ipynb"
SOURCE = ROOT / "course" / "sources" / "en" / "11-capstone-audit.md"


def test_notebook_is_what_its_source_builds():
    from weakties.lessons import build

    (built,) = [b for b in build.build_all(ROOT, ["11"], "en") if b.path == LESSON]
    assert built.source == SOURCE
    assert not built.problems, "\n".join(built.problems)
    assert LESSON.read_text(encoding="utf-8") == built.text, (
        "course/11-capstone-audit.ipynb differs from what its source builds: run "
        "`.venv/bin/python -m course.build 11` and commit the notebook.")


def test_building_the_lesson_writes_nothing_in_the_settings_folder(tmp_path, monkeypatch):
    """The facts read the sample with a settings folder of their own: building the
    lesson creates no pseudonym key in the author's settings folder."""
    from weakties.lessons import capstone_audit

    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path))
    import weakties

    facts = capstone_audit.facts(weakties.population(300, seed=1))
    assert facts["n"] == 300 and facts["annotated"] > 0
    assert list(tmp_path.iterdir()) == []
    assert os.environ["WEAKTIES_CONFIG_DIR"] == str(tmp_path)


def test_stored_clean_with_one_parameters_cell():
    nb = nbformat.read(LESSON, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb.cells if c.cell_type == "code")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    namespace = {}
    exec(tagged[0].source, namespace)
    assert namespace["EXPORT"] == "sample" and namespace["GOAL"] in (
        "job_search", "prospecting", "e_reputation", "company_creation")


# --------------------------------------------------------------------------
# The privacy test

TAGS = ["Zorvak", "Quilmet", "Brandux", "Yselvor", "Ptarmix", "Glonfer", "Wuzzler", "Krettig",
        "Aumbrel", "Sniveth", "Dravolt", "Ombrisk"]


def fake_people(n=90):
    """People whose every name, email and URL is a string that cannot appear by chance."""
    from faker import Faker

    fake = Faker(["fr_FR", "en_GB"])
    Faker.seed(4242)
    companies = ["Banque Marivaux", "Capgemini", "Clinique des Tilleuls", "Mairie de Rennes",
                 "Studio Lefort", "Martin Conseil", "Transports Gaillard", "Lycée Condorcet",
                 "", "Groupe Delorme"]
    titles = ["Chargée de communication", "Développeur", "Infirmière", "Directeur commercial",
              "Consultante senior", "Stagiaire", "", "Responsable logistique"]
    people = []
    for i in range(n):
        first = f"{fake.first_name()}{TAGS[i % len(TAGS)]}{i:02d}"
        last = f"{fake.last_name()}-{TAGS[(i * 5 + 3) % len(TAGS)]}x{i:02d}"
        slug = f"{first}-{last}".lower()
        people.append({
            "first": first, "last": last,
            "url": f"https://www.linkedin.com/in/{slug}-{i:04x}",
            "email": f"{slug}@mail-{TAGS[i % len(TAGS)].lower()}.example" if i % 3 == 0 else "",
            "company": companies[i % len(companies)],
            "position": titles[i % len(titles)],
            "date": (2016 + i % 10, 1 + i % 12, 1 + i % 28),
        })
    # A freelancer whose company is her own name, and a title with an email and a link.
    people[5]["company"] = f"{people[5]['first']} {people[5]['last']} Photographie"
    people[7]["position"] = (f"Illustratrice ({people[7]['first'].lower()}@studio.example, "
                             f"www.{people[7]['last'].lower()}.example)")
    return people


def secrets_of(people):
    out = set()
    for p in people:
        out |= {p["first"], p["last"], f"{p['first']} {p['last']}", p["url"],
                p["url"].split("/in/")[1]}
        if p["email"]:
            out.add(p["email"])
    out.add(f"{people[7]['first'].lower()}@studio.example")
    return sorted(out)


def find_leaks(text, secrets):
    low = text.casefold()
    return [s for s in secrets if s.casefold() in low]


@pytest.mark.slow
def test_capstone_leaks_nothing_personal(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    from grader.engine.kernelclient import SteppedKernelManager
    from audit_support import export_text, write_export

    people = fake_people()
    secrets = secrets_of(people)
    export_dir = tmp_path / "my-linkedin-export"
    export_dir.mkdir()
    export = write_export(export_dir, export_text(people), newline="\r\n", bom=True)
    digest, mtime = hashlib.sha256(export.read_bytes()).hexdigest(), export.stat().st_mtime_ns
    assert find_leaks(export.read_text(encoding="utf-8-sig"), secrets)  # the check can fail

    work = tmp_path / "course"
    shutil.copytree(ROOT / "course", work)
    before = {p.relative_to(work) for p in work.rglob("*")}
    config = tmp_path / "config"
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(config))

    nb = nbformat.read(work / LESSON.name, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    injected = nbformat.v4.new_code_cell(
        f"EXPORT = {str(export)!r}\nGOAL = 'company_creation'\nTARGET_SECTORS = ['Health']")
    injected.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(at + 1, injected)
    # A learner who annotates, runs the audit again and saves it, then every widget poked.
    nb.cells.append(nbformat.v4.new_code_cell(
        "annotator.filter.value = 'Banque'\n"
        "annotator.bulk['strength'].value = 2\n"
        "annotator.bulk['context'].value = 'former_colleague'\n"
        "annotator.apply_button.click()\n"
        "annotator.filter.value = ''\n"
        "annotator.rows[0].fields['region'].value = 'Bretagne'\n"
        "again = audit.report(annotator, goal='job_search', targets={'sectors': ['Health']})\n"
        "print(again.save())\n"
        "again"))
    nb.cells.append(nbformat.v4.new_code_cell(
        "import json as _json, weakties.widgets as _w\n"
        "print('EXERCISE-REPORT ' + _json.dumps(_w.exercise_all()))"))
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            kernel_manager_class=SteppedKernelManager,
                            resources={"metadata": {"path": str(work)}})
    client.execute()

    errors = [(o.get("ename"), o.get("evalue")) for c in nb.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    report = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert '"problems": []' in report and '"Annotator": 1' in report

    # Every output, and the whole notebook with its metadata and widget state.
    whole = nbformat.writes(nb)
    assert "application/vnd.jupyter.widget-state+json" in nb.metadata.get("widgets", {}), \
        "the widget state was not stored, so it was not checked"
    state = json.dumps(nb.metadata["widgets"])
    assert "Banque Marivaux" in state                       # the state is really there
    assert find_leaks(whole, secrets) == []
    outputs = "".join(json.dumps(c.get("outputs", [])) for c in nb.cells
                      if c.cell_type == "code")
    assert "C-" in outputs and find_leaks(outputs, secrets) == []

    # Every file written: next to the export, in the working folder, in the settings folder.
    annotations = export_dir / "Connections.weakties-annotations.csv"
    reports = sorted(export_dir.glob("Connections-audit-*.html"))
    assert annotations.exists() and len(reports) == 2
    assert "former_colleague" in annotations.read_text(encoding="utf-8")
    checked = 0
    for folder in (export_dir, work, config):
        for path in folder.rglob("*"):
            if path.is_file() and path != export:
                text = path.read_bytes().decode("utf-8", errors="ignore")
                assert find_leaks(text, secrets) == [], f"{path} holds personal data"
                checked += 1
    assert checked > 10
    # Nothing was written into the working (course) folder at all.
    assert {p.relative_to(work) for p in work.rglob("*")} == before
    assert sorted(p.name for p in (config / "weakties").iterdir()) == ["pseudonym-key"]
    if os.name == "posix":
        assert (config / "weakties" / "pseudonym-key").stat().st_mode & 0o777 == 0o600

    # The export itself was never modified.
    assert hashlib.sha256(export.read_bytes()).hexdigest() == digest
    assert export.stat().st_mtime_ns == mtime
