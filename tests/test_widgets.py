"""weakties.widgets: the handlers do what a learner's clicks would."""

import ipywidgets as w
import pytest

from weakties import widgets


def test_explorer_reruns_on_every_change_and_keeps_errors():
    calls = []

    def f(k, colour):
        if k == 3:
            raise ValueError("three is not allowed")
        calls.append((k, colour))

    ex = widgets.Explorer(f, k=w.IntSlider(value=1, min=0, max=5),
                          colour=w.Dropdown(options=["red", "blue"]))
    assert calls == [(1, "red")]
    ex.set(k=2)
    ex.set(colour="blue")
    assert calls[-2:] == [(2, "red"), (2, "blue")]
    ex.set(k=3)
    assert isinstance(ex.last_error, ValueError)
    ex.set(k=4)
    assert ex.last_error is None and ex.calls == 5
    with pytest.raises(KeyError, match="no control named"):
        ex.set(size=1)


def test_explorer_poke_finds_broken_callbacks():
    good = widgets.Explorer(lambda k: k, k=w.IntSlider(value=2, min=0, max=4))
    assert good.poke() == []
    assert good.controls["k"].value == 2  # put back
    bad = widgets.Explorer(lambda k: 1 / (k - 4), k=w.IntSlider(value=2, min=0, max=4))
    problems = bad.poke()
    assert problems and "ZeroDivisionError" in problems[0]


def test_explorer_needs_controls():
    with pytest.raises(ValueError, match="at least one control"):
        widgets.Explorer(lambda: None)
    with pytest.raises(TypeError, match="not an ipywidgets"):
        widgets.Explorer(lambda k: None, k=3)


def test_quiz_feedback():
    q = widgets.Quiz("Which ties carry news from other worlds?", ["strong", "weak"], "weak",
                     "Weak ties bridge.", hints={"strong": "Strong ties share your world."})
    q.check()
    assert widgets.MESSAGES["choose_first"] in q.feedback.value
    q.choose("strong")
    q.button.click()
    assert "Not quite" in q.feedback.value and "share your world" in q.feedback.value
    q.choose("weak")
    q.button.click()
    assert "Correct" in q.feedback.value and "bridge" in q.feedback.value
    assert q.poke() == []


def test_quiz_refuses_inconsistent_questions():
    with pytest.raises(ValueError, match="not one of the choices"):
        widgets.Quiz("?", ["a", "b"], "c", "")
    with pytest.raises(ValueError, match="hints"):
        widgets.Quiz("?", ["a", "b"], "a", "", hints={"z": "no"})


def test_prediction_compares_with_the_simulation():
    runs = []

    def run():
        runs.append(1)
        return "weak", "a table"

    p = widgets.Prediction("Which?", ["strong", "weak"], run, explanation="Because.")
    p.reveal()
    assert not runs and widgets.MESSAGES["predict_first"] in p.feedback.value
    p.choose("strong")
    p.button.click()
    assert runs and p.correct == "weak" and p.matched is False
    assert "Because." in p.feedback.value
    p.choose("weak")
    p.reveal()
    assert p.matched is True
    assert p.poke() == []


def test_prediction_reports_a_simulation_answer_outside_the_choices():
    p = widgets.Prediction("?", ["a", "b"], run=lambda: "c")
    p.choose("a")
    p.reveal()
    assert isinstance(p.last_error, ValueError)
    assert p.poke()


def test_exercise_all_covers_every_kind():
    objs = [widgets.Quiz("?", ["a", "b"], "a", "x"),
            widgets.Prediction("?", ["a", "b"], run=lambda: "b"),
            widgets.Explorer(lambda k: None, k=w.Checkbox(value=False))]
    report = widgets.exercise_all(objs)
    assert (report["Quiz"], report["Prediction"], report["Explorer"]) == (1, 1, 1)
    assert report["problems"] == []
    assert set(objs) <= set(widgets.registered())


def test_a_returned_figure_is_shown_once(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = []
    monkeypatch.setattr(widgets, "display", lambda obj: shown.append(obj))

    def draw(k):
        fig, ax = plt.subplots()
        ax.plot([0, k])
        return ax

    widgets.Explorer(draw, k=w.IntSlider(value=1, min=0, max=2))
    figures = [x for x in shown if hasattr(x, "savefig")]
    assert len(figures) == 1
    assert plt.get_fignums() == []  # released after showing


@pytest.mark.parametrize("kind", ["Explorer", "Prediction"])
def test_figures_open_before_the_callback_are_left_alone(monkeypatch, kind):
    # A figure someone else left open (an earlier cell, another test) is
    # neither shown in this widget's output nor closed by it.
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    shown = []
    monkeypatch.setattr(widgets, "display", lambda obj: shown.append(obj))
    other = plt.figure(figsize=(7, 7))

    def draw():
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1])
        return fig

    if kind == "Explorer":
        widgets.Explorer(lambda k: draw(), k=w.IntSlider(value=1, min=0, max=2))
    else:
        p = widgets.Prediction("Which?", ["a", "b"], run=lambda: ("a", draw()))
        p.choose("a")
        p.reveal()
        assert p.matched and p.last_error is None
    figures = [x for x in shown if hasattr(x, "savefig")]
    assert [tuple(f.get_size_inches()) for f in figures] == [(2.0, 2.0)]
    assert plt.get_fignums() == [other.number]
    plt.close(other)


def test_a_failing_callback_leaves_no_figure_open(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    monkeypatch.setattr(widgets, "display", lambda obj: None)

    def draw_then_fail(k):
        plt.subplots()
        raise ValueError("half-drawn")

    ex = widgets.Explorer(draw_then_fail, k=w.IntSlider(value=1, min=0, max=2))
    ex.set(k=2)
    assert str(ex.last_error) == "half-drawn"
    assert plt.get_fignums() == []


def test_prediction_shows_the_picture_description_under_the_picture_after_the_run(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = []
    monkeypatch.setattr(widgets, "display", shown.append)

    def run():
        fig, ax = plt.subplots()
        ax.bar([0, 1], [3, 1])
        return "left", fig, "Two bars; the left one is three times the right one."

    p = widgets.Prediction("Which bar is taller?", ["left", "right"], run=run)
    assert p.description == "" and not shown  # nothing before the run
    p.choose("right")
    p.reveal()
    assert [type(x).__name__ for x in shown] == ["Figure", "HTML"]
    assert widgets.MESSAGES["description"] in shown[1].value
    assert "three times" in shown[1].value and p.description.startswith("Two bars")
    assert p.correct == "left" and p.matched is False
    assert p.showed_picture


def test_exercise_all_names_widget_views_and_predictions_without_description(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr(widgets, "display", lambda obj: None)

    def picture():
        plt.subplots()
        return "a"

    silent = widgets.Prediction("Undescribed?", ["a", "b"], run=picture)
    described = widgets.Prediction("Described?", ["a", "b"],
                                   run=lambda: ("a", plt.subplots()[0], "A picture."))
    words = widgets.Prediction("Words only?", ["a", "b"], run=lambda: ("a", "a sentence"))
    explorer = widgets.Explorer(lambda k: None, k=w.Checkbox(value=False))
    drawing = widgets.Explorer(lambda k: plt.subplots()[1], k=w.Checkbox(value=False))
    report = widgets.exercise_all([silent, described, words, explorer, drawing])
    assert report["undescribed"] == ["Undescribed?"]
    assert report["views"][explorer.widget.model_id] == "Explorer"
    assert report["views"][silent.widget.model_id] == "Prediction"
    assert set(report["pictures"]) == {silent.widget.model_id, described.widget.model_id,
                                       drawing.widget.model_id}
    assert report["problems"] == []


def _png_pixels(data):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")).astype(int)


def _blocks(pixels, k=8):
    grey = pixels[..., :3].mean(axis=2)
    h, w_ = grey.shape[0] // k * k, grey.shape[1] // k * k
    return grey[:h, :w_].reshape(h // k, k, w_ // k, k).mean(axis=(1, 3))


def _usual_png(fig):
    import io

    out = io.BytesIO()
    fig.canvas.print_figure(out, format="png", bbox_inches="tight", dpi=fig.dpi,
                            facecolor=fig.get_facecolor())
    return out.getvalue()


@pytest.mark.parametrize("dpi", [72, 100])
def test_a_figure_drawn_once_looks_as_the_notebook_shows_it(dpi):
    # The same crop as the inline backend's "tight" picture, to the pixel
    # at the edges, and the same pixels inside (anti-aliasing may differ by
    # a sub-pixel offset, so compare the mean difference, not bytes).
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3), dpi=dpi)
    a.plot(range(10), [x * x for x in range(10)], label="squares")
    a.legend()
    b.barh(["one", "two", "three"], [3, 1, 2], hatch="//")
    b.set_title("A title that reaches the top")
    fig.tight_layout()
    fast, usual = widgets.figure_png(fig), _usual_png(fig)
    plt.close(fig)
    assert fast is not None
    mine, theirs = _png_pixels(fast), _png_pixels(usual)
    assert mine.shape == theirs.shape
    # Hatching is anchored to the canvas, so its pattern may shift by a pixel:
    # compare the grey level of 8x8 blocks (a picture shifted by 10 pixels
    # differs by about 17 on average, out of 255).
    assert abs(_blocks(mine) - _blocks(theirs)).mean() < 6
    assert abs(_blocks(mine[10:]) - _blocks(theirs[:-10])).mean() > 10  # the test can tell
    assert mine.shape[0] < fig.get_figheight() * dpi  # cropped, not the whole canvas


def test_a_figure_with_something_drawn_outside_shows_it_too():
    # A legend beside the axes lies outside the figure: the picture still
    # includes it, as the notebook's own picture does.
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], label="a line with a long name")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))  # beside the axes, off the figure
    fast = widgets.figure_png(fig)
    assert not fig.stale  # drawn, unchanged: shown again, the picture is reused
    mine, theirs = _png_pixels(fast), _png_pixels(_usual_png(fig))
    assert mine.shape == theirs.shape and mine.shape[1] > fig.get_figwidth() * fig.dpi
    assert abs(_blocks(mine) - _blocks(theirs)).mean() < 1
    plt.close(fig)


def test_in_a_notebook_an_explorer_shows_its_figure_drawn_once(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = []
    monkeypatch.setattr(widgets, "_in_ipython", lambda: True)
    monkeypatch.setattr(widgets, "display", lambda obj, raw=False: shown.append((obj, raw)))

    def draw(k):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, k])
        fig.tight_layout()
        return fig

    ex = widgets.Explorer(draw, k=w.IntSlider(value=1, min=0, max=2))
    ex.set(k=2)
    pictures = [obj for obj, raw in shown if raw]
    assert len(pictures) == 2 and all(p["image/png"].startswith(b"\x89PNG") for p in pictures)
    assert pictures[0]["image/png"] != pictures[1]["image/png"]
    assert pictures[0]["text/plain"].startswith("<Figure size")
    assert plt.get_fignums() == []


def test_a_figure_shown_again_unchanged_is_not_drawn_again(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    line, = ax.plot([0, 1])
    fig.tight_layout()
    pictures = {0: fig}
    drawn, shown = [], []
    real = widgets._draw_png
    monkeypatch.setattr(widgets, "_draw_png", lambda f, crop=True: drawn.append(f) or real(f, crop))
    monkeypatch.setattr(widgets, "_in_ipython", lambda: True)
    monkeypatch.setattr(widgets, "display", lambda obj, raw=False: shown.append(obj))
    ex = widgets.Explorer(lambda k: pictures.get(k), k=w.IntSlider(value=0, min=0, max=1))
    ex.set(k=1)
    ex.set(k=0)  # back to the picture shown first: unchanged, not drawn again
    assert len(drawn) == 1 and len(shown) == 2 and shown[0] == shown[1]
    line.set_ydata([1, 0])  # changed: drawn again, and the picture shows the change
    ex.set(k=1)
    ex.set(k=0)
    assert len(drawn) == 2 and shown[-1]["image/png"] != shown[0]["image/png"]


def test_an_explorer_collects_garbage_when_made_not_on_a_move():
    # Python's full collection can take 0.1 to 0.3 s with a lesson's prepared
    # pictures alive: the explorer runs one when its cell runs, after the
    # first picture, so that the next one is many moves away.
    import gc

    events = []

    def callback(phase, info):
        if phase == "start":
            events.append(("gc", info["generation"]))

    gc.callbacks.append(callback)
    try:
        widgets.Explorer(lambda k: events.append(("draw", k)), k=w.IntSlider(value=1, max=3))
    finally:
        gc.callbacks.remove(callback)
    assert ("draw", 1) in events
    assert ("gc", 2) in events[events.index(("draw", 1)):]


def test_an_explorer_whose_pictures_spill_over_stops_cropping_them(monkeypatch):
    # Its first picture had a legend outside the figure, drawn twice; the
    # next ones are made the notebook's way at once, not drawn in vain first.
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    calls, shown = [], []
    real = widgets._draw_png

    def spy(fig, crop=True):
        png, outside = real(fig, crop)
        calls.append((crop, outside))
        return png, outside

    monkeypatch.setattr(widgets, "_draw_png", spy)
    monkeypatch.setattr(widgets, "_in_ipython", lambda: True)
    monkeypatch.setattr(widgets, "display", lambda obj, raw=False: shown.append(obj))

    def draw(k):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, k], label="a long label")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return fig

    ex = widgets.Explorer(draw, k=w.IntSlider(value=1, min=0, max=3))
    ex.set(k=2)
    ex.set(k=3)
    assert calls == [(True, True), (False, True), (False, True)]
    widths = [_png_pixels(p["image/png"]).shape[1] for p in shown]
    assert all(width > 3 * plt.rcParams["figure.dpi"] for width in widths)  # legend included


def test_an_interactive_figure_is_left_to_its_own_canvas():
    # ipympl's interactive canvas derives from Agg: it must stay interactive,
    # not be replaced by a still picture.
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    class Interactive(FigureCanvasAgg):
        pass

    fig = Figure(figsize=(3, 2))
    fig.add_subplot().plot([0, 1])
    Interactive(fig)
    assert widgets.figure_png(fig) is None
    assert type(fig.canvas) is Interactive
