"""The instructors' syllabus names every lesson and every exercise that exists."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_syllabus_lists_every_lesson_and_exercise():
    text = (ROOT / "course" / "README.md").read_text(encoding="utf-8")
    lessons = sorted(p.name for p in (ROOT / "course").glob("[0-9][0-9]-*.ipynb"))
    exercises = sorted(p.name for p in (ROOT / "exercises").iterdir()
                       if p.is_dir() and p.name[:2].isdigit())
    assert lessons and exercises
    missing = [x for x in lessons if x not in text] + \
        [x for x in exercises if f"exercises/{x}/" not in text]
    assert not missing, f"course/README.md does not mention: {missing}"
    for part in ("2-hour workshop", "semester"):
        assert part in text
