"""Interactive pieces for the lessons: explore a simulation, predict then see, quizzes.

Three building blocks, each an object with a ``.widget`` (an ipywidgets
box) that displays itself in a notebook:

- :class:`Explorer`: controls (sliders, menus) that re-run a function and
  redraw its picture or table whenever a control moves;
- :class:`Prediction`: the learner commits to a prediction, then runs the
  simulation and sees whether they were right, with an explanation;
- :class:`Quiz`: a "check your understanding" question with immediate
  feedback (not graded).

Every object created is registered so that the test suite can exercise the
callbacks of every widget of a lesson (:func:`exercise_all`), not only
render them. All learner-facing words are in :data:`MESSAGES`, in English,
marked for translation and shown in the current language
(:func:`weakties.i18n.set_language`, or ``WEAKTIES_LANG``).
"""

from __future__ import annotations

import gc
import html
import weakref
from typing import Callable, Sequence

import ipywidgets as w
from IPython.display import display

from .i18n import N_, gettext

__all__ = ["MESSAGES", "Explorer", "Prediction", "Quiz", "exercise_all", "registered",
           "register"]

#: Every learner-facing text of this module (for translation).
MESSAGES = {
    "check": N_("Check"),
    "run": N_("Run the simulation"),
    "choose_first": N_("Choose an answer first."),
    "correct": N_("Correct."),
    "not_quite": N_("Not quite."),
    "try_again": N_("Try again, or read the explanation above the question."),
    "predict_first": N_("Make your prediction first, then run the simulation."),
    "you_predicted": N_("You predicted: {choice}."),
    "right": N_("Your prediction matches the simulation."),
    "wrong": N_("The simulation shows something else: {answer}."),
    "working": N_("Computing..."),
    "description": N_("Picture description:"),
    "error": N_("Error:"),
}


def _say(key: str) -> str:
    """The message ``key`` of :data:`MESSAGES` in the current language (weakties.i18n)."""
    return gettext(MESSAGES[key])

_REGISTRY: "weakref.WeakSet" = weakref.WeakSet()


def registered():
    """The interactive objects created so far in this kernel (for tests)."""
    return list(_REGISTRY)


def register(obj):
    """Register another interactive object so that :func:`exercise_all` pokes it.

    ``obj`` needs a ``poke()`` method that moves its controls or presses its
    buttons the way a learner would and returns a list of problems (empty
    when everything responded). Returns ``obj``.

    Examples
    --------
    >>> class Toggle:
    ...     def poke(self):
    ...         return []
    >>> t = register(Toggle())
    >>> exercise_all([t])["Toggle"]
    1
    """
    if not callable(getattr(obj, "poke", None)):
        raise TypeError(f"{type(obj).__name__} has no poke() method to exercise it.")
    _REGISTRY.add(obj)
    return obj


def _pyplot_figures() -> set:
    """Numbers of the pyplot figures open now (empty when pyplot is not in use)."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    return set(plt.get_fignums()) if plt is not None else set()


def _close_new(before: set) -> None:
    """Close the pyplot figures opened since ``before`` (after a callback failed)."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        for num in set(plt.get_fignums()) - set(before):
            plt.close(num)


def _is_picture(result, before: set) -> bool:
    """Whether a callback drew a picture: it returned a Figure or an Axes, or opened a figure."""
    return (hasattr(result, "savefig") or (hasattr(result, "figure") and hasattr(result, "plot"))
            or bool(_pyplot_figures() - set(before)))


def _in_ipython() -> bool:
    """Whether this runs in an IPython kernel or shell, where displaying means something."""
    from IPython import get_ipython

    return get_ipython() is not None


def figure_png(fig):
    """The picture of ``fig`` as a notebook shows it, drawn once: PNG bytes, or None.

    Jupyter's inline backend shows a figure cropped to what is drawn on it
    (its "tight" bounding box, with a margin of ``savefig.pad_inches``).
    To find that box it lays the whole figure out once, then draws it a
    second time. Here the figure is drawn once, at its own resolution, and
    the picture is cut to the same box: the same picture, for about two
    thirds of the time (see ``benchmarks/bench_widgets.py``). When
    something lies outside the figure (a legend placed beside the axes),
    the picture is drawn a second time, on a canvas that fits that box.

    Returns None when the figure is drawn by something other than plain Agg,
    the canvas of matplotlib's raster backend and of the notebook's inline
    backend (a figure made with ``Figure()`` or closed for pyplot gets
    one; an interactive canvas such as ipympl's is left alone), or the
    margin is not a number: the notebook's own way then applies.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    bytes or None

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(3, 2))
    >>> _ = ax.plot([0, 1], [1, 0])
    >>> fig.tight_layout()  # nothing outside the figure
    >>> figure_png(fig)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> plt.close(fig)
    """
    return _draw_png(fig)[0]


def _draw_png(fig, crop: bool = True):
    """:func:`figure_png`, and whether something lay outside the figure.

    With ``crop=False`` (the last picture of the same explorer had something
    outside), the picture is made as the notebook makes it, without first
    trying to crop a drawing: laid out, then drawn on a canvas that fits.
    """
    import io

    import matplotlib
    import numpy as np
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    pad = matplotlib.rcParams["savefig.pad_inches"]
    if type(fig.canvas) is FigureCanvasBase:  # made with Figure(), or closed for pyplot
        FigureCanvasAgg(fig)  # what saving it would use; kept, so its next drawing is quicker
    if type(fig.canvas) is not FigureCanvasAgg or not isinstance(pad, (int, float)):
        return None, False  # an interactive canvas (ipympl's is an Agg one) is shown as itself
    out = io.BytesIO()
    if not crop:
        fig.canvas.print_figure(out, format="png", bbox_inches="tight", dpi=fig.dpi)
        fig.stale = False  # the figure is as it was: print_figure restores what it moved
        return out.getvalue(), True
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    fig.stale = False  # measuring re-placed titles where the drawing put them: nothing changed
    width, height = fig.canvas.get_width_height(physical=True)
    inches = fig.get_size_inches()
    dpi = width / inches[0]
    slack = 0.5 / dpi  # half a pixel
    box = box.padded(pad)
    if min(box.x0, box.y0) < -pad - slack or box.x1 > inches[0] + pad + slack \
            or box.y1 > inches[1] + pad + slack:
        # something lies outside the figure: drawn again, on a canvas that fits the box
        fig.canvas.print_figure(out, format="png", bbox_inches=box, dpi=fig.dpi)
        fig.stale = False
        return out.getvalue(), True
    # as matplotlib sizes a cropped picture: whole pixels, the fraction dropped
    left, top = round(box.x0 * dpi), round(height - box.y1 * dpi)
    right, bottom = left + int(box.width * dpi + 1e-6), top + int(box.height * dpi + 1e-6)
    left, top, right, bottom = max(0, left), max(0, top), min(width, right), min(height, bottom)
    pixels = np.asarray(fig.canvas.buffer_rgba())[top:bottom, left:right]
    Image.fromarray(pixels).save(out, format="png", compress_level=1)
    return out.getvalue(), False


#: The last picture of each figure shown, kept while the figure lives and is unchanged
#: (matplotlib marks a changed figure "stale"): an explorer that shows a figure drawn
#: in advance a second time, when the learner moves back, does not draw it again.
_PICTURES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _show_figure(fig, memo: dict | None = None):
    """Display a figure: drawn once (:func:`figure_png`) in a notebook, else as usual.

    ``memo`` belongs to the widget that shows the figure: it remembers
    whether its last picture had something outside the figure, so that the
    next one is not first drawn for cropping in vain.
    """
    memo = {} if memo is None else memo
    png = None
    if _in_ipython():
        png = _PICTURES.get(fig) if not fig.stale else None
        if png is None:
            png, memo["outside"] = _draw_png(fig, crop=not memo.get("outside", False))
            if png is not None:
                _PICTURES[fig] = png
    if png is None:
        display(fig)
    else:
        display({"image/png": png, "text/plain": repr(fig)}, raw=True)


def _show_result(result, before: set = frozenset(), memo: dict | None = None):
    """Display what a callback returned (a figure, an Axes, a table, text or
    nothing), then each other pyplot figure it drew, once, and close them.

    ``before`` holds the figures that were open before the callback ran:
    they belong to someone else and are neither shown nor closed.
    """
    import matplotlib.pyplot as plt

    shown = None
    if result is None:
        pass
    elif hasattr(result, "savefig"):  # a matplotlib Figure
        shown = result
        _show_figure(result, memo)
    elif hasattr(result, "figure") and hasattr(result, "plot"):  # an Axes
        shown = result.figure
        _show_figure(shown, memo)
    elif isinstance(result, str):
        display(w.HTML(f"<p>{html.escape(result)}</p>"))
    else:
        display(result)
    for num in sorted(set(plt.get_fignums()) - set(before)):
        fig = plt.figure(num)
        if fig is not shown:
            _show_figure(fig, memo)
        plt.close(fig)
    if shown is not None:
        plt.close(shown)


def _clear(output):
    """Clear an Output widget (only inside a running IPython, where it means something)."""
    if _in_ipython():
        output.clear_output(wait=True)


class Explorer:
    """Controls that re-run ``func`` and redraw its result whenever they change.

    Parameters
    ----------
    func : callable
        Called as ``func(**values)`` with the current value of every control.
        It may draw with matplotlib (the figure is shown), or return a
        Figure, an Axes, a DataFrame, a string, or None.
    title : str, optional
        One sentence above the controls saying what to try.
    **controls : ipywidgets value widgets
        ``name=IntSlider(...)``, ``name=Dropdown(...)``, and so on; the
        names are ``func``'s keyword arguments.

    Attributes
    ----------
    calls : int
        How many times ``func`` ran.
    last_result, last_error
        What the last call returned, or the exception it raised.

    Examples
    --------
    >>> import ipywidgets as w
    >>> seen = []
    >>> ex = Explorer(lambda k: seen.append(k), k=w.IntSlider(value=1, min=0, max=5))
    >>> ex.set(k=4)
    >>> seen
    [1, 4]
    """

    def __init__(self, func: Callable, *, title: str | None = None, **controls):
        if not controls:
            raise ValueError("Explorer needs at least one control, e.g. k=IntSlider(...).")
        for name, c in controls.items():
            if not hasattr(c, "value") or not hasattr(c, "observe"):
                raise TypeError(f"control {name!r} is not an ipywidgets value widget.")
        self.func = func
        self.controls = dict(controls)
        self.output = w.Output()
        self.calls = 0
        self.last_result = None
        self.last_error: BaseException | None = None
        self.showed_picture = False
        self._pictures: dict = {}  # how its pictures are drawn (_show_figure)
        for name, c in self.controls.items():
            if not getattr(c, "description", ""):
                c.description = name.replace("_", " ")
            c.style = {"description_width": "initial"}
            c.observe(self._on_change, names="value")
        header = [w.HTML(f"<p><b>{html.escape(title)}</b></p>")] if title else []
        self.widget = w.VBox(header + [w.HBox(list(self.controls.values()),
                                              layout=w.Layout(flex_flow="row wrap")),
                                       self.output])
        _REGISTRY.add(self)
        self.update()
        # A full garbage collection now, while the cell runs. What an explorer prepares
        # (pictures, simulations) can be hundreds of thousands of objects; Python's next
        # full collection, 0.1 to 0.3 s with them in memory, would otherwise fall on one
        # of the learner's first moves. After this one, it waits for many moves.
        gc.collect()

    def values(self) -> dict:
        """The current value of every control."""
        return {name: c.value for name, c in self.controls.items()}

    def _on_change(self, change):
        self.update()

    def update(self):
        """Run ``func`` with the current values and redraw."""
        self.calls += 1
        with self.output:
            _clear(self.output)
            before = _pyplot_figures()
            try:
                self.last_result = self.func(**self.values())
                self.last_error = None
                self.showed_picture = _is_picture(self.last_result, before)
                _show_result(self.last_result, before, self._pictures)
            except Exception as exc:  # shown to the learner, kept for tests
                self.last_error = exc
                _close_new(before)
                display(w.HTML(f"<p style='color:#D55E00'><b>{html.escape(_say('error'))}</b> "
                               f"{html.escape(str(exc))}</p>"))

    def set(self, **values):
        """Set controls by name, as a learner moving them would (runs ``func``)."""
        for name, value in values.items():
            if name not in self.controls:
                raise KeyError(f"no control named {name!r}; controls: {', '.join(self.controls)}")
            self.controls[name].value = value

    def poke(self) -> list[str]:
        """Move every control to another value and back; return the problems seen."""
        problems = []
        for name, c in self.controls.items():
            original = c.value
            for value in _other_values(c):
                before = self.calls
                try:
                    c.value = value
                except Exception as exc:  # pragma: no cover - a broken control
                    problems.append(f"{name}={value!r}: could not set ({exc})")
                    continue
                if self.calls == before:
                    problems.append(f"{name}={value!r}: moving the control did not redraw")
                if self.last_error is not None:
                    problems.append(f"{name}={value!r}: {type(self.last_error).__name__}: "
                                    f"{self.last_error}")
            c.value = original
        return problems

    def _ipython_display_(self):
        display(self.widget)


def _other_values(control):
    """One or two values different from the current one, for poking a control."""
    value = control.value
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        if hasattr(control, "index") and isinstance(value, tuple):  # multiple selection
            return [tuple(values[:1])] if tuple(values[:1]) != value else []
        return [v for v in (values[0], values[-1]) if v != value][:2]
    if isinstance(value, bool):
        return [not value]
    low, high = getattr(control, "min", None), getattr(control, "max", None)
    if isinstance(value, tuple) and low is not None:  # range slider
        return [(low, high)] if (low, high) != value else []
    if low is not None and high is not None:
        return [v for v in (low, high) if v != value]
    if isinstance(value, str):
        return [value + " test"]
    return []


class Prediction:
    """Predict, then see: commit to a prediction, then run the simulation.

    Parameters
    ----------
    question : str
        What to predict ("Which strategy will bring the most leads?").
    choices : sequence of str
        The possible predictions.
    run : callable
        Called with no argument when the learner presses the button. It
        returns either the correct choice, or a tuple ``(correct_choice,
        result)`` where ``result`` is shown (a figure, an Axes, a table or
        text), or ``(correct_choice, result, description)`` where
        ``description`` is the picture's text alternative, shown under it:
        a description that quotes what the simulation shows appears only
        once it has run. It may also draw with matplotlib.
    explanation : str, optional
        Shown after the result: why the simulation behaves so.

    Attributes
    ----------
    description : str
        The description of the last picture shown ("" before a run).

    Examples
    --------
    >>> p = Prediction("Is 2 + 2 four?", ["yes", "no"], run=lambda: "yes",
    ...                explanation="Arithmetic.")
    >>> p.choose("no")
    >>> p.reveal()
    >>> p.correct, p.matched
    ('yes', False)
    """

    def __init__(self, question: str, choices: Sequence[str], run: Callable, *,
                 explanation: str = ""):
        if len(choices) < 2:
            raise ValueError("a prediction needs at least two choices.")
        self.question = question
        self.choices = list(choices)
        self.run = run
        self.explanation = explanation
        self.correct = None
        self.matched = None
        self.description = ""
        self.showed_picture = False
        self._pictures: dict = {}  # how its pictures are drawn (_show_figure)
        self.last_error: BaseException | None = None
        self.buttons = w.RadioButtons(options=self.choices, value=None,
                                      layout=w.Layout(width="auto"))
        self.button = w.Button(description=_say('run'), button_style="primary",
                               icon="play", layout=w.Layout(width="auto"))
        self.button.on_click(lambda _: self.reveal())
        self.feedback = w.HTML()
        self.output = w.Output()
        self.widget = w.VBox([w.HTML(f"<p><b>{html.escape(question)}</b></p>"),
                              self.buttons, self.button, self.output, self.feedback])
        _REGISTRY.add(self)

    def choose(self, choice: str):
        """Select a prediction, as a learner clicking it would."""
        self.buttons.value = choice

    def reveal(self):
        """Run the simulation and compare with the prediction (the button's handler)."""
        if self.buttons.value is None:
            self.feedback.value = f"<p>{html.escape(_say('predict_first'))}</p>"
            return
        with self.output:
            _clear(self.output)
            before = _pyplot_figures()
            try:
                answer = self.run()
                result, description = None, ""
                if isinstance(answer, tuple) and len(answer) == 3:
                    answer, result, description = answer
                elif isinstance(answer, tuple):
                    answer, result = answer
                if answer not in self.choices:
                    raise ValueError(f"the simulation returned {answer!r}, which is not "
                                     "one of the choices")
                self.correct = answer
                self.last_error = None
                self.showed_picture = _is_picture(result, before)
                _show_result(result, before, self._pictures)
                self.description = description or ""
                if self.description:
                    display(w.HTML(f"<p><i>{html.escape(_say('description'))}</i> "
                                   f"{html.escape(self.description)}</p>"))
            except Exception as exc:
                self.last_error = exc
                _close_new(before)
                display(w.HTML(f"<p style='color:#D55E00'><b>{html.escape(_say('error'))}</b> "
                               f"{html.escape(str(exc))}</p>"))
                return
        self.matched = self.buttons.value == self.correct
        verdict = (_say('right') if self.matched
                   else _say('wrong').format(answer=self.correct))
        mark = "✔" if self.matched else "✘"
        self.feedback.value = (
            f"<p>{html.escape(_say('you_predicted').format(choice=self.buttons.value))} "
            f"<b>{mark} {html.escape(verdict)}</b></p>"
            + (f"<p>{html.escape(self.explanation)}</p>" if self.explanation else ""))

    def poke(self) -> list[str]:
        """Reveal without a choice, then with each choice; return the problems seen."""
        problems = []
        self.buttons.value = None
        self.reveal()
        if html.escape(_say('predict_first')) not in self.feedback.value:
            problems.append("revealing without a prediction did not ask for one")
        for choice in self.choices:
            self.choose(choice)
            self.button.click()
            if self.last_error is not None:
                problems.append(f"{type(self.last_error).__name__}: {self.last_error}")
                break
            if self.matched != (choice == self.correct):
                problems.append(f"choice {choice!r} was judged wrongly")
        return problems

    def _ipython_display_(self):
        display(self.widget)


class Quiz:
    """A "check your understanding" question with immediate feedback.

    Parameters
    ----------
    question : str
    choices : sequence of str
    answer : str
        The correct choice.
    explanation : str
        Why it is correct; shown with the verdict.
    hints : dict, optional
        ``{wrong choice: hint}``: a hint for a tempting wrong answer.

    Examples
    --------
    >>> q = Quiz("Which ties bridge to new worlds?", ["strong", "weak"], "weak",
    ...          "Weak ties reach people outside your circle (Granovetter 1973).",
    ...          hints={"strong": "Strong ties know the same people as you."})
    >>> q.choose("strong"); q.check()
    >>> "Not quite" in q.feedback.value and "same people" in q.feedback.value
    True
    >>> q.choose("weak"); q.check()
    >>> "Correct" in q.feedback.value
    True
    """

    def __init__(self, question: str, choices: Sequence[str], answer: str,
                 explanation: str, *, hints: dict | None = None):
        if answer not in choices:
            raise ValueError(f"the answer {answer!r} is not one of the choices {list(choices)!r}.")
        self.question = question
        self.choices = list(choices)
        self.answer = answer
        self.explanation = explanation
        self.hints = dict(hints or {})
        unknown = set(self.hints) - set(self.choices)
        if unknown:
            raise ValueError(f"hints for choices that do not exist: {sorted(unknown)!r}.")
        self.buttons = w.RadioButtons(options=self.choices, value=None,
                                      layout=w.Layout(width="auto"))
        self.button = w.Button(description=_say('check'), icon="check",
                               layout=w.Layout(width="auto"))
        self.button.on_click(lambda _: self.check())
        self.feedback = w.HTML()
        self.widget = w.VBox([w.HTML(f"<p><b>{html.escape(question)}</b></p>"),
                              self.buttons, self.button, self.feedback])
        _REGISTRY.add(self)

    def choose(self, choice: str):
        """Select an answer, as a learner clicking it would."""
        self.buttons.value = choice

    def check(self):
        """Judge the selected answer (the Check button's handler)."""
        chosen = self.buttons.value
        if chosen is None:
            self.feedback.value = f"<p>{html.escape(_say('choose_first'))}</p>"
        elif chosen == self.answer:
            self.feedback.value = (f"<p style='color:#009E73'><b>✔ "
                                   f"{html.escape(_say('correct'))}</b> "
                                   f"{html.escape(self.explanation)}</p>")
        else:
            hint = self.hints.get(chosen, _say('try_again'))
            self.feedback.value = (f"<p style='color:#D55E00'><b>✘ "
                                   f"{html.escape(_say('not_quite'))}</b> "
                                   f"{html.escape(hint)}</p>")

    def poke(self) -> list[str]:
        """Check with no answer, each wrong answer and the right one; return problems."""
        problems = []
        self.buttons.value = None
        self.button.click()
        if html.escape(_say('choose_first')) not in self.feedback.value:
            problems.append("checking without an answer did not ask for one")
        for choice in self.choices:
            self.choose(choice)
            self.button.click()
            good = html.escape(_say('correct')) in self.feedback.value
            if good != (choice == self.answer):
                problems.append(f"choice {choice!r} was judged wrongly")
        return problems

    def _ipython_display_(self):
        display(self.widget)


def exercise_all(objects=None) -> dict:
    """Exercise the callbacks of every interactive object created in this kernel.

    Moves every control of every :class:`Explorer`, presses every
    :class:`Prediction` and :class:`Quiz` button with each choice, and
    returns ``{"Explorer": n, "Prediction": n, "Quiz": n, "problems": [...],
    "views": {model_id: kind}, "pictures": [model_id, ...], "undescribed":
    [...]}``: ``views`` names the kind of each object by the id of the widget
    a notebook cell displays, ``pictures`` lists the ids of the objects that
    drew a picture (so a test can tell which cell shows one), and
    ``undescribed`` the predictions that showed a picture without its
    description. The
    lesson tests call it at the end of each executed lesson and require no
    problems. Pass ``objects`` to exercise only those.

    Examples
    --------
    >>> q = Quiz("1 + 1?", ["2", "3"], "2", "Counting.")
    >>> report = exercise_all([q])
    >>> report["Quiz"] >= 1 and report["problems"] == []
    True
    """
    report = {"Explorer": 0, "Prediction": 0, "Quiz": 0, "problems": [], "views": {},
              "pictures": [], "undescribed": []}
    for obj in (registered() if objects is None else objects):
        kind = type(obj).__name__
        report[kind] = report.get(kind, 0) + 1
        label = (getattr(obj, "question", None)
                 or getattr(getattr(obj, "func", None), "__name__", kind))
        model_id = getattr(getattr(obj, "widget", None), "model_id", None)
        if model_id:
            report["views"][model_id] = kind
        for problem in obj.poke():
            report["problems"].append(f"{kind} {label!r}: {problem}")
        if model_id and getattr(obj, "showed_picture", False):
            report["pictures"].append(model_id)
        if isinstance(obj, Prediction) and obj.showed_picture and not obj.description:
            report["undescribed"].append(label)
    return report
