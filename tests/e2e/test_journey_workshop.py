"""A job seeker at a workshop: the pages without code, in Chromium, started by the real command.

``python3 start.py workshop`` (no display here, so it must open no browser)
prints the address of the workshop's home page and serves the pages with
Voilà on 127.0.0.1. The participant opens the home page (the pages in order,
with their durations), opens the printable worksheet (two A4 pages when
printed), opens page 3 from the home page, makes a prediction, moves a
control of its explorer and sees the picture redrawn, and answers a quiz.
Then every page of the workshop is opened: none shows code (no code cell
input in the page at all, and no line of the notebooks' code in its text),
none shows an error.

The expected texts come from elsewhere than the pages: the quiz from the
page module's data, the verdict words from ``weakties.widgets.MESSAGES``,
the pages and durations from the pages' own notebooks, the code lines from
the notebooks' code cells.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "workshop"
PAGES_DIR = support.ROOT / "course" / "workshop"
#: Milliseconds for a page to run all its cells on a loaded 2-core machine.
PAGE_RUN = 300_000
#: Code cell inputs as Voilà or JupyterLab would draw them.
CODE_INPUTS = (".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-InputArea-editor, "
               ".cm-editor, .CodeMirror, .jp-CodeMirrorEditor")


def _start_py():
    import importlib.util

    spec = importlib.util.spec_from_file_location("start_for_e2e", support.ROOT / "start.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def workshop(tmp_path, request):
    """``python3 start.py workshop --lang <en|fr>`` running: yields the home page's address it
    printed (English unless the test asks for another edition with an indirect parameter)."""
    lang = getattr(request, "param", "en")
    start = _start_py()
    if not start.is_installed(""):
        pytest.skip("the course is not installed for the current pyproject.toml: run "
                    "`python3 start.py test` first (this test must not run pip)")
    env = support.isolated_env(tmp_path / "env")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        env.pop(name, None)
    port = support.free_port()
    python3 = shutil.which("python3") or sys.executable
    process = subprocess.Popen([python3, "start.py", "workshop", "--port", str(port),
                                "--lang", lang], stdin=subprocess.DEVNULL,
                               cwd=support.ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")),
                              daemon=True)
    reader.start()
    home = re.escape(start.WORKSHOP_HOMES.get(lang, start.WORKSHOP_HOME))
    pattern = re.compile(rf"http://127\.0\.0\.1:{port}/voila/render/{home}\?token=\S+")
    url = None
    try:
        deadline = time.monotonic() + support.SERVER_START
        while time.monotonic() < deadline and process.poll() is None:
            found = [m.group(0) for line in list(lines) for m in [pattern.search(line)] if m]
            if found and url is None:
                url = found[0]
            if url:
                try:
                    urllib.request.urlopen(url.split("/voila/")[0] + "/voila/static/", timeout=5)
                    break
                except urllib.error.HTTPError:
                    break  # the server answers
                except OSError:
                    pass
            time.sleep(0.2)  # the interval between two polls
        assert url, f"start.py printed no address of the home page:\n{''.join(lines)}"
        yield url
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)   # start.py stops Voilà and its kernels
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            print("--- python3 start.py workshop ---\n" + "".join(lines)[-6000:])
        assert "Running as root is not recommended" not in "".join(lines)


def _open(page, url):
    """Open a workshop page and wait until Voilà has run all its cells."""
    page.goto(url, wait_until="load", timeout=PAGE_RUN)
    expect()(page.locator(".jp-Cell").first).to_be_visible()


def _code_lines(path):
    nb = nbformat.read(path, as_version=4)
    return [line.strip() for c in nb.cells if c.cell_type == "code"
            for line in c.source.splitlines() if len(line.strip()) >= 8]


def _home_rows(page):
    rows = page.locator("table tbody tr")
    return [[c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]
            for i in range(rows.count())]


def _image_src(box):
    return box.locator(".widget-output img").first.get_attribute("src")


def inspect_source(obj):
    import inspect

    return inspect.getsource(obj)


def _first_names(path):
    import csv
    import io

    text = open(path, encoding="utf-8-sig").read()
    rows = csv.DictReader(io.StringIO(text[text.index("First Name"):]))
    return {row["First Name"] for row in rows if len(row["First Name"]) > 3}


def _map_a_linkedin_export(page):
    """Page 4: choose a LinkedIn export; its pictures appear, and no contact's name."""
    from weakties import audit

    from weakties.lessons.workshop.map_your_network import MapMyNetwork

    label = "Choose your file"
    assert label in inspect_source(MapMyNetwork)
    widget = page.locator(".widget-vbox").filter(
        has=page.get_by_role("button", name=label)).last
    widget.scroll_into_view_if_needed()
    with page.expect_file_chooser() as chooser:   # the button opens the system's file chooser
        widget.get_by_role("button", name=label).click()
    chooser.value.set_files(str(audit.SAMPLE_EXPORT))
    expect()(widget).to_contain_text("300 contacts", timeout=PAGE_RUN)
    expect()(widget.locator(".widget-output img")).to_have_count(2)
    expect()(widget.locator(".widget-output")).to_contain_text("Picture description:")
    text = widget.inner_text() + " ".join(
        widget.locator("img").evaluate_all("(imgs) => imgs.map((i) => i.alt)"))
    names = _first_names(audit.SAMPLE_EXPORT)
    assert names and not [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
    support.screenshot(page, JOURNEY, "9-own-map", locator=widget)


def test_a_participant_follows_the_workshop_without_code(page, page_errors, workshop):
    from weakties.lessons.workshop import where_jobs_come_from as page3
    from weakties.widgets import MESSAGES

    base = workshop.split("/voila/")[0]
    pages = sorted(PAGES_DIR.glob("[0-9][0-9]-*.ipynb"))
    notebooks = {p.name: nbformat.read(p, as_version=4) for p in pages}

    # 1. The home page: the pages in order, each with the duration the page gives itself.
    _open(page, workshop)
    expect()(page.locator("h1").first).to_contain_text("Workshop")
    rows = _home_rows(page)
    linked = [r for r in rows if re.match(r"\d\.", r[0])]
    assert [r[0].split(".", 1)[0] for r in linked] == [str(int(p[:2])) for p in
                                                      sorted(notebooks)[1:]]
    for row, name in zip(linked, sorted(notebooks)[1:]):
        title = notebooks[name].cells[0].source
        assert row[0].split(". ", 1)[1] in title.splitlines()[0]
        assert re.search(rf"about {row[-1].split()[0]} minutes", title)
    support.screenshot(page, JOURNEY, "1-home")

    # 2. The worksheet, from the home page: it prints on two A4 pages.
    page.get_by_role("link", name="open the printable worksheet").click()
    expect()(page.locator("h1").first).to_have_text("My network: a map")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    support.screenshot(page, JOURNEY, "2-worksheet")
    page.go_back()

    # 3. Page 3, opened from the home page's list.
    title3 = notebooks["03-where-jobs-come-from.ipynb"].cells[0].source.splitlines()[0]
    with page.expect_navigation(wait_until="load", timeout=PAGE_RUN):
        page.get_by_role("link", name=title3.split(": ", 1)[1]).first.click()
    expect()(page.locator("h1").first).to_contain_text(title3.lstrip("# "))
    support.screenshot(page, JOURNEY, "3-page-opened")

    # 4. Predict, then see: a choice, the simulation, its picture and its description.
    predict = page.locator(".widget-vbox").filter(
        has=page.get_by_role("button", name=MESSAGES["run"])).first
    predict.scroll_into_view_if_needed()
    chosen = predict.locator(".widget-radio-box label").nth(1)
    choice = chosen.text_content().strip()
    chosen.click()
    predict.get_by_role("button", name=MESSAGES["run"]).click()
    verdict = predict.locator(".widget-html").last
    expect()(verdict).to_contain_text(MESSAGES["you_predicted"].format(choice=choice),
                                      timeout=PAGE_RUN)
    expect()(predict.locator(".widget-output img")).to_have_count(1)
    expect()(predict.locator(".widget-output")).to_contain_text(MESSAGES["description"])
    support.screenshot(page, JOURNEY, "4-prediction", locator=predict)

    # 5. The explorer: choose the digital trade, see the picture redrawn.
    explorer = page.locator(".widget-vbox").filter(has=page.locator("select")).filter(
        has=page.locator(".widget-output img")).first
    explorer.scroll_into_view_if_needed()
    before = _image_src(explorer)
    assert before and before.startswith("data:image/png;base64,")
    support.screenshot(page, JOURNEY, "5-explorer-before", locator=explorer)
    digital = page3.TRADE_KINDS[max(page3.TRADE_KINDS)]
    explorer.locator("select").select_option(label=digital)
    page.wait_for_function(
        "([el, old]) => { const img = el.querySelector('.widget-output img');"
        " return img && img.getAttribute('src') && img.getAttribute('src') !== old; }",
        arg=[explorer.element_handle(), before], timeout=PAGE_RUN)
    after = _image_src(explorer)
    assert base64.b64decode(after.split(",", 1)[1]) != base64.b64decode(before.split(",", 1)[1])
    expect()(explorer.locator(".widget-output img")).to_have_count(1)  # redrawn, not added
    support.screenshot(page, JOURNEY, "6-explorer-after", locator=explorer)

    # 6. A quiz: a wrong answer gets its hint, the right one its explanation.
    quiz = page3.QUIZZES["in-total"]
    wrong = next(c for c in quiz.choices if c in quiz.hints)
    box = page.locator(".widget-vbox").filter(has=page.locator(".widget-radio-box")).filter(
        has_text=quiz.question).first
    box.scroll_into_view_if_needed()
    feedback = box.locator(".widget-html").last
    box.locator(".widget-radio-box label").filter(has_text=wrong).click()
    box.get_by_role("button", name=MESSAGES["check"]).click()
    expect()(feedback).to_contain_text(MESSAGES["not_quite"])
    expect()(feedback).to_contain_text(quiz.hints[wrong])
    box.locator(".widget-radio-box label").filter(has_text=quiz.answer).click()
    box.get_by_role("button", name=MESSAGES["check"]).click()
    expect()(feedback).to_contain_text(MESSAGES["correct"])
    expect()(feedback).to_contain_text(quiz.explanation)
    support.screenshot(page, JOURNEY, "7-quiz", locator=box)

    # 7. No page shows code, or an error.
    for name in [p.name for p in pages] + ["glossary.ipynb"]:
        _open(page, f"{base}/voila/render/{name}")
        cells = nbformat.read(PAGES_DIR / name, as_version=4).cells
        code_cells = sum(c.cell_type == "code" for c in cells)
        expect()(page.locator(".jp-CodeCell")).to_have_count(code_cells)  # there, without input
        expect()(page.locator(CODE_INPUTS)).to_have_count(0)
        text = page.locator("body").inner_text()
        shown = [line for line in _code_lines(PAGES_DIR / name) if line in text]
        assert not shown, f"{name} shows code: {shown}"
        assert "There was an error when executing cell" not in text, name
        assert "Error displaying widget" not in text, name
        expect()(page.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
        support.screenshot(page, JOURNEY, f"8-no-code-{name.split('.')[0]}")
        if name.startswith("04"):
            _map_a_linkedin_export(page)
    assert page_errors == [], page_errors


FR_PAGES_DIR = support.ROOT / "course" / "fr" / "workshop"


@pytest.mark.parametrize("workshop", ["fr"], indirect=True)
def test_the_french_workshop_opens_in_french_without_code(page, page_errors, workshop):
    """``python3 start.py workshop --lang fr``: the French pages, the French worksheet, every
    page without code or error, each with the title of its French notebook."""
    base = workshop.split("/voila/")[0]
    pages = sorted(FR_PAGES_DIR.glob("[0-9][0-9]-*.ipynb"))
    assert pages and pages[0].name in workshop
    _open(page, workshop)
    expect()(page.locator("h1").first).to_contain_text("Atelier")
    support.screenshot(page, JOURNEY, "fr-1-accueil")
    page.get_by_role("link", name="ouvrir la fiche à imprimer").click()
    expect()(page.locator("h1").first).to_contain_text("Mon réseau")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    page.go_back()
    for path in pages + [FR_PAGES_DIR / "glossary.ipynb"]:
        _open(page, f"{base}/voila/render/{path.name}")
        cells = nbformat.read(path, as_version=4).cells
        title = cells[0].source.splitlines()[0].lstrip("# ").split("\u00a0:")[0]
        expect()(page.locator("h1").first).to_contain_text(title)
        expect()(page.locator(CODE_INPUTS)).to_have_count(0)
        text = page.locator("body").inner_text()
        shown = [line for line in _code_lines(path) if line in text]
        assert not shown, f"{path.name} shows code: {shown}"
        assert "There was an error when executing cell" not in text, path.name
        assert "Error displaying widget" not in text, path.name
        expect()(page.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
        support.screenshot(page, JOURNEY, f"fr-2-{path.stem}")
    assert page_errors == [], page_errors
