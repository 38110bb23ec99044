"""The instructors' syllabus, in each language, names every lesson and exercise of that edition."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The syllabus of each edition, its lessons' folder, and words its plans must contain.
EDITIONS = {
    "en": (ROOT / "course" / "README.md", ROOT / "course", ("2-hour workshop", "semester")),
    "fr": (ROOT / "course" / "fr" / "LISEZMOI.md", ROOT / "course" / "fr",
           ("atelier de 2 heures", "cours semestriel")),
}


def _exercises(lang):
    """Exercise folders whose notebook is in ``lang`` (English unless its metadata says)."""
    found = []
    for nb in sorted((ROOT / "exercises").glob("[0-9][0-9]-*/[0-9][0-9]-*.ipynb")):
        meta = json.loads(nb.read_text(encoding="utf-8"))["metadata"].get("weakties", {})
        if meta.get("lang", "en") == lang:
            found.append(nb.parent.name)
    return found


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_syllabus_lists_every_lesson_and_exercise(lang):
    syllabus, folder, parts = EDITIONS[lang]
    text = syllabus.read_text(encoding="utf-8")
    lessons = sorted(p.name for p in folder.glob("[0-9][0-9]-*.ipynb"))
    exercises = _exercises(lang)
    assert len(lessons) == 12 and len(exercises) == 11, (lessons, exercises)
    missing = [x for x in lessons if x not in text] + \
        [x for x in exercises if f"exercises/{x}/" not in text]
    assert not missing, f"{syllabus.relative_to(ROOT)} does not mention: {missing}"
    for part in parts:
        assert part in text.lower(), f"{syllabus.relative_to(ROOT)} has no {part!r} plan"
