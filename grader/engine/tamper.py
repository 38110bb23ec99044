"""Signals for review: code in a submission that tries to change how a notebook runs.

Grades no longer depend on anything found here. The tests run in the judge
(:mod:`grader.engine.judge`), a separate process that has never run student
code and reads only plain data from the student's kernel, so no code of the
student's can change how a test runs or what it compares. What this module
finds still tells the instructor that a student *tried*: each finding flags
the submission for review, with its reason, and changes no point.

:class:`Scanner` reads the code of the student's cells (and of the Python
files of the submission) with IPython's own ``TransformerManager`` and
:mod:`ast`, without running it, and reports each construct that reaches
into the kernel's machinery (a *tamper* finding: input transformers, trace
functions, the display hook, replaced built-ins or helpers, objects whose
comparisons lie) or that probes the grading environment (a *suspicious*
finding: the learner id, the grader's files). ``grader/JUDGE.md`` lists the
rules.

Ordinary student code (loops, functions, classes, pandas, networkx, plots,
``%matplotlib inline``, ``import weakties``) raises no finding: the tests in
``tests/grader/test_tamper.py`` check it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

__all__ = ["Finding", "Scanner", "TAMPER", "SUSPICIOUS"]

TAMPER = "tamper"
SUSPICIOUS = "suspicious"


@dataclass(frozen=True)
class Finding:
    """One thing the static scan found.

    ``cell`` is the index of the cell in the notebook being graded, or
    ``None`` for a file of the submission (then ``where`` names it).
    """

    rule: str
    severity: str
    reason: str
    cell: int | None = None
    where: str = ""
    line: int | None = None

    def describe(self) -> str:
        place = self.where or (f"cell {self.cell + 1}" if self.cell is not None else "")
        line = f", line {self.line}" if self.line else ""
        return f"{place}{line}: {self.reason}" if place else self.reason


# ---------------------------------------------------------------------------
# Static scan
# ---------------------------------------------------------------------------

#: Built-in names a test relies on to check answers. Redefining one at the
#: top level of a notebook (def, class, lambda, an alias) is tampering.
PROTECTED_BUILTINS = frozenset({
    "abs", "all", "any", "bool", "callable", "dict", "float", "frozenset", "getattr",
    "hasattr", "int", "isinstance", "issubclass", "len", "list", "max", "min", "print",
    "range", "repr", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip",
    "enumerate", "AssertionError", "Exception", "BaseException", "object", "super",
    "__import__", "__build_class__", "exec", "eval", "compile", "globals", "locals",
    "vars", "setattr", "delattr",
})

# Attributes of the IPython shell that control how cells are read, run and shown.
_SHELL_INTERNALS = frozenset({
    "input_transformers_cleanup", "input_transformers_post", "input_transformer_manager",
    "ast_transformers", "set_custom_exc", "custom_exceptions", "display_pub",
    "showtraceback", "_showtraceback", "showsyntaxerror", "run_cell", "run_cell_async",
    "run_ast_nodes", "run_code", "transform_cell", "transform_ast", "should_run_async",
    "user_ns", "user_global_ns", "user_ns_hidden", "register_magic_function",
    "register_magics", "magics_manager", "shell_handlers", "iopub_socket", "iopub_thread",
    "CustomTB", "InteractiveTB", "SyntaxTB",
})
# Interpreter internals: reading or writing them reaches past normal Python.
_INTERNAL_ATTRS = frozenset({
    "__code__", "__globals__", "__closure__", "__defaults__", "__kwdefaults__",
    "__builtins__", "__subclasses__", "f_globals", "f_locals", "f_back", "f_builtins",
    "f_code", "f_lineno", "f_trace", "tb_frame", "gi_frame", "cr_frame", "ag_frame",
    "co_code", "co_consts", "__loader__",
})
# Attributes that are harmless to read but tampering to assign.
_WRITE_ONLY = frozenset({"__dict__", "__class__", "__bases__", "__module__", "__qualname__",
                         "__name__", "__call__", "__eq__", "__getattr__", "__getattribute__"})
# Special methods that let an answer object pass a comparison it should fail.
_ANSWER_DUNDERS = frozenset({
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__len__",
    "__contains__", "__float__", "__int__", "__index__", "__abs__", "__round__",
    "__hash__", "__instancecheck__", "__subclasscheck__", "__sub__", "__rsub__",
    "__add__", "__radd__", "__truediv__", "__rtruediv__", "__neg__", "__getattribute__",
    "__complex__", "__iter__",
})
_VALUE_TYPES = frozenset({"int", "float", "complex", "str", "bool", "bytes", "list", "tuple",
                          "dict", "set", "frozenset"})

# Calls that change how later code runs: tampering.
_TAMPER_CALLS = {
    "sys.settrace": "installs a trace function, which can skip statements of the tests",
    "sys.setprofile": "installs a profile function that sees every call of the tests",
    "threading.settrace": "installs a trace function, which can skip statements of the tests",
    "threading.setprofile": "installs a profile function that sees every call of the tests",
    "sys.addaudithook": "installs an audit hook",
    "sys._getframe": "reads the interpreter's frames",
    "inspect.currentframe": "reads the interpreter's frames",
    "inspect.stack": "reads the interpreter's frames",
    "inspect.getouterframes": "reads the interpreter's frames",
    "inspect.trace": "reads the interpreter's frames",
    "gc.get_referrers": "searches the interpreter's objects to change them",
    "gc.get_referents": "searches the interpreter's objects to change them",
    "gc.get_objects": "searches the interpreter's objects to change them",
    "types.FunctionType": "builds a function from raw code",
    "types.CodeType": "builds raw code",
    "types.MethodType": "binds a function as a method of another object",
    "marshal.loads": "loads raw code",
    "marshal.load": "loads raw code",
    "importlib.reload": "reloads a module, which can replace the code the tests use",
    "runpy.run_path": "runs code from a file",
    "runpy.run_module": "runs code from a module",
    "code.InteractiveInterpreter": "runs code given as text",
    "code.InteractiveConsole": "runs code given as text",
    "codeop.compile_command": "compiles code given as text",
}
# Calls that do not earn points but that the instructor should see.
_SUSPICIOUS_CALLS = {
    "signal.signal": "changes how the kernel reacts to signals (for example to ignore interrupts)",
    "signal.setitimer": "sets a timer signal",
    "signal.alarm": "sets a timer signal",
    "signal.pthread_sigmask": "blocks signals",
    "os.fork": "starts a new process",
    "os.forkpty": "starts a new process",
    "os.system": "runs a shell command",
    "os.popen": "runs a shell command",
    "pty.spawn": "starts a new process",
    "os.kill": "sends a signal to a process",
    "os.killpg": "sends a signal to processes",
    "os._exit": "stops the kernel",
    "os.abort": "stops the kernel",
    "os.chdir": "changes the working folder (the exercise reads the learner id from it)",
    "weakties.learner.set_learner": "changes the learner id",
    "pickle.load": "loads a pickle, which can run code",
    "pickle.loads": "loads a pickle, which can run code",
}
_SUSPICIOUS_PREFIXES = {
    "subprocess.": "starts a new process",
    "multiprocessing.": "starts new processes",
    "os.exec": "replaces the kernel with another program",
    "os.spawn": "starts a new process",
    "os.posix_spawn": "starts a new process",
}
_DELETE_CALLS = frozenset({"shutil.rmtree", "os.remove", "os.unlink", "os.rmdir",
                           "os.removedirs", "shutil.move", "os.rename", "os.replace"})
# Imports that have no use in an answer and that can tamper.
_TAMPER_MODULES = {
    "builtins": "imports the built-ins module to change it",
    "__builtin__": "imports the built-ins module to change it",
    "ctypes": "imports ctypes, which can change any object in memory",
    "_ctypes": "imports ctypes, which can change any object in memory",
    "ipykernel": "imports the kernel's own modules",
    "unittest.mock": "imports unittest.mock, a tool to replace functions",
    "mock": "imports mock, a tool to replace functions",
    "trace": "imports the trace module",
    "marshal": "imports marshal, which loads raw code",
    "IPython.core.interactiveshell": "imports IPython's shell internals",
    "IPython.core.events": "imports IPython's shell internals",
    "IPython.core.inputtransformer2": "imports IPython's input transformers",
    "IPython.core.inputtransformer": "imports IPython's input transformers",
    "IPython.core.displayhook": "imports IPython's display hook",
    "IPython.core.displaypub": "imports IPython's display publisher",
    "IPython.core.magic": "imports IPython's magic machinery",
    "IPython.core.getipython": "imports the shell accessor",
    "IPython.terminal": "imports IPython's shell internals",
}
_TAMPER_IMPORTED_NAMES = {("IPython", "get_ipython"), ("IPython", "InteractiveShell"),
                          ("unittest", "mock"), ("IPython.core", "interactiveshell")}
# Module paths under which assigning is ordinary configuration, not monkeypatching.
_CONFIG_PATHS = ("pandas.options", "pandas.core.config", "matplotlib.", "seaborn.",
                 "plotly.", "mpl_toolkits.", "numpy.random.seed")
_SYS_REPLACE = {
    "sys.stdout": "replaces standard output", "sys.stderr": "replaces standard error",
    "sys.__stdout__": "replaces standard output", "sys.__stderr__": "replaces standard error",
    "sys.displayhook": "replaces the display hook (which shows results, and partial credit)",
    "sys.excepthook": "replaces the exception hook", "sys.breakpointhook": "replaces a hook",
    "sys.modules": "changes the table of loaded modules",
    "sys.meta_path": "changes how modules are imported",
    "sys.path_hooks": "changes how modules are imported",
    "sys.path_importer_cache": "changes how modules are imported",
}
# Names and texts of the grader's own probe: student code has no business with them.
_GRADER_MARKS = ("weakties_proof", "__weakties", "vnd.weakties.proof", "_weakties_io")
_SENSITIVE_TEXT = (
    ("NBGRADER", "looks for nbgrader's environment variables (to know whether it is graded)"),
    ("gradebook", "refers to the gradebook"),
    (".weakties-learner", "refers to the learner id file"),
    ("JUPYTERHUB_USER", "refers to the learner id variable"),
    ("WEAKTIES_CONFIG_DIR", "refers to the learner's configuration folder"),
)

# Magics. Line magics that change nothing about how later cells run:
_SAFE_LINE_MAGICS = frozenset({
    "matplotlib", "time", "timeit", "pip", "conda", "mamba", "micromamba", "uv", "who",
    "whos", "who_ls", "pwd", "ls", "ll", "precision", "pprint", "pinfo", "pinfo2", "pdef",
    "pdoc", "psource", "pfile", "psearch", "history", "hist", "lsmagic", "magic",
    "quickref", "page", "xmode", "colors", "tb", "dhist", "dirs", "reset",
    "reset_selective", "prun", "debug", "pdb", "load", "save", "notebook", "store",
    "bookmark", "autoreload", "aimport", "run", "env", "cd", "pushd", "popd", "clear",
    "killbgscripts", "connect_info", "less", "more", "cat", "mkdir", "rmdir", "mv", "cp",
})
# Line magics that can change how later cells run or hide code.
_TAMPER_LINE_MAGICS = {
    "alias": "defines a shell alias", "unalias": "removes a shell alias",
    "macro": "defines a macro (code run under another name)",
    "rerun": "re-runs earlier input", "recall": "recalls earlier input",
    "autocall": "changes how IPython reads calls", "automagic": "changes how IPython reads magics",
    "doctest_mode": "changes how IPython reads input", "logstart": "logs the session",
    "sx": "runs a shell command", "system": "runs a shell command", "sc": "runs a shell command",
    "edit": "runs an edited file", "gui": "changes the event loop",
}
_SAFE_EXTENSIONS = frozenset({"autoreload", "line_profiler", "memory_profiler"})
_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})
_INERT_CELL_MAGICS = frozenset({"html", "HTML", "markdown", "latex", "svg", "javascript",
                                "js", "writefile", "file"})
_SHELL_CELL_MAGICS = frozenset({"bash", "sh", "script", "python", "python2", "python3",
                                "pypy", "perl", "ruby", "system", "!", "sx"})
_SAFE_SHELL = re.compile(
    r"^\s*(ls|pwd|cat|head|tail|wc|echo|which|whoami|date|nproc|free|df|du|uname|hostname|"
    r"pip3?|conda|mamba|uv|nvidia-smi|python3?\s+(-V|--version))(\s|$)")
_SHELL_META = re.compile(r"[;&|`<>]|\$\(")


def _ipython_transform(source: str) -> str:
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class Scanner:
    """Static scan of a notebook's code, cell after cell, outside the kernel.

    Parameters
    ----------
    helper_names : iterable of str
        Names the tests rely on, defined by the locked cells of the source
        (their functions, classes and imports, and the private names test
        cells bind). Student code must not rebind them.
    helper_imports : dict, optional
        ``{name: module path}`` of names the locked cells import: importing
        the very same thing again is not a rebinding.
    files : iterable of str
        Names (without ``.py``) of the Python modules the submission holds.

    Use :meth:`scan_cell` on every code cell in order (locked cells too,
    with ``trusted=True``: they are not judged, but their imports count),
    then read :attr:`findings`.

    Examples
    --------
    >>> s = Scanner()
    >>> s.scan_cell(0, "import numpy as np\\nx = np.arange(3).sum()")
    []
    >>> found = s.scan_cell(1, "get_ipython().input_transformers_cleanup.append(f)")
    >>> sorted({(f.rule, f.severity) for f in found})
    [('shell-internals', 'tamper')]
    """

    def __init__(self, helper_names=(), helper_imports=None, files=()):
        self.helper_names = frozenset(helper_names)
        self.helper_imports = dict(helper_imports or {})
        self.files = frozenset(files)
        self.aliases: dict[str, str] = {}     # name -> dotted path of what it was imported as
        self.functions: set[str] = set()      # names the student defined with def or lambda
        self.findings: list[Finding] = []
        self.imports_of: dict[str, int] = {}  # submission module -> first cell importing it
        self.written_modules: set[str] = set()

    # -- public ------------------------------------------------------------

    def scan_cell(self, index: int | None, source: str, *, trusted: bool = False,
                  where: str = "") -> list[Finding]:
        """Scan one cell (or file) and return its findings (also kept in :attr:`findings`)."""
        try:
            code = _ipython_transform(source)
        except Exception:  # noqa: BLE001 - IPython cannot read it: the kernel cannot either
            code = source
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError):
            return []   # the cell cannot run, so it cannot tamper
        visitor = _Visitor(self, index, where, trusted)
        visitor.run(tree)
        found = [] if trusted else visitor.found
        self.findings.extend(found)
        return found

    def scan_file(self, name: str, source: str) -> list[Finding]:
        """Scan a Python file of the submission (``name`` as shown to the instructor)."""
        return self.scan_cell(None, source, where=f"file {name}")


class _Visitor(ast.NodeVisitor):
    def __init__(self, scanner: Scanner, index, where, trusted):
        self.s = scanner
        self.index = index
        self.where = where
        self.trusted = trusted
        self.found: list[Finding] = []
        self.parents: dict[int, ast.AST] = {}
        self.allowed_shell_calls: set[int] = set()   # get_ipython() calls that run a magic
        self.with_items: set[int] = set()
        self.depth = 0    # inside def / lambda / class bodies

    # -- helpers -------------------------------------------------------------

    def run(self, tree):
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node
        self.visit(tree)

    def add(self, rule, severity, reason, node=None):
        if self.trusted:
            return
        line = getattr(node, "lineno", None)
        finding = Finding(rule, severity, reason, self.index, self.where, line)
        if all((f.rule, f.reason, f.line) != (rule, reason, line) for f in self.found):
            self.found.append(finding)

    def path(self, node) -> str | None:
        """Dotted path of what ``node`` names, through the imports seen so far."""
        if isinstance(node, ast.Name):
            return self.s.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.path(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "get_ipython":
                return "<ipython>"
            if isinstance(func, ast.Name) and func.id == "type" and not self.s.aliases.get("type"):
                return "<type>"
            if isinstance(func, ast.Name) and func.id == "__import__" and node.args:
                return _literal(node.args[0])
            fpath = self.path(func)
            if fpath and fpath.rsplit(".", 1)[-1] == "get_ipython":
                return "<ipython>"
            if fpath in ("importlib.import_module", "importlib.__import__") and node.args:
                return _literal(node.args[0])
        return None

    def call_name(self, func) -> str | None:
        if isinstance(func, ast.Name):
            if func.id in self.s.aliases:
                return self.s.aliases[func.id]
            return func.id
        return self.path(func)

    def shell(self, command: str | None, node, what="runs the shell command"):
        if command is None:
            self.add("shell", TAMPER, f"{what} built at run time (hidden from the grader)", node)
            return
        for line in command.splitlines() or [""]:
            if not line.strip():
                continue
            if _SAFE_SHELL.match(line) and not _SHELL_META.search(line):
                if ".." in line or re.search(r"\s/(?!tmp\b)", line):
                    self.add("outside-files", SUSPICIOUS,
                             f"reads files outside its own folder: `{line.strip()[:60]}`", node)
                continue
            self.add("shell", TAMPER, f"{what} `{line.strip()[:60]}` (code hidden from "
                                      "the grader's scan)", node)

    def body_code(self, body: str | None, node):
        """Scan the body of a %%time / %%capture ... cell magic as Python."""
        if body is None:
            return
        sub = _Visitor(self.s, self.index, self.where, self.trusted)
        try:
            tree = ast.parse(_ipython_transform(body))
        except Exception:  # noqa: BLE001
            return
        sub.run(tree)
        self.found.extend(sub.found)

    # -- magics ------------------------------------------------------------------

    def magic_call(self, node: ast.Call, method: str) -> bool:
        """Handle get_ipython().run_line_magic/run_cell_magic/system/getoutput; True if handled."""
        args = [_literal(a) for a in node.args]
        if method in ("system", "getoutput"):
            self.shell(args[0] if args else None, node)
            return True
        if method == "run_line_magic":
            name, line = (args + [None, None])[:2]
            line = line or ""
            if name is None:
                self.add("magic", TAMPER, "runs a magic whose name is built at run time", node)
            elif name in _TAMPER_LINE_MAGICS:
                if name in ("sx", "system", "sc"):
                    self.shell(line, node)
                else:
                    self.add("magic", TAMPER, f"uses %{name}, which {_TAMPER_LINE_MAGICS[name]}",
                             node)
            elif name == "config":
                if line.strip() and not line.strip().startswith("InlineBackend"):
                    self.add("magic", TAMPER, f"changes IPython's settings with %config {line}",
                             node)
            elif name in ("load_ext", "reload_ext"):
                if line.strip() not in _SAFE_EXTENSIONS:
                    self.add("magic", TAMPER, f"loads the IPython extension {line.strip()!r}, "
                                              "which can change how later cells run", node)
            elif name == "env" and any(t in line for t, _ in _SENSITIVE_TEXT):
                self.add("learner-id", SUSPICIOUS, f"sets the environment: %env {line}", node)
            elif name == "cd":
                self.add("chdir", SUSPICIOUS, "changes the working folder (the exercise reads "
                                              "the learner id from it)", node)
            elif name not in _SAFE_LINE_MAGICS:
                self.add("magic", SUSPICIOUS, f"uses the unusual magic %{name}", node)
            return True
        if method == "run_cell_magic":
            name, line, body = (args + [None, None, None])[:3]
            if name is None:
                self.add("magic", TAMPER, "runs a cell magic whose name is built at run time", node)
            elif name in _BODY_CELL_MAGICS:
                self.body_code(body, node)
            elif name in ("writefile", "file"):
                target = (line or "").split()[-1] if (line or "").split() else ""
                if target.endswith(".py"):
                    self.s.written_modules.add(target[:-3].split("/")[-1])
                    self.body_code(body, node)
            elif name in _SHELL_CELL_MAGICS:
                if name in ("bash", "sh", "system", "!", "sx"):
                    self.shell(body, node, what=f"runs, with %%{name}, the command")
                else:
                    self.add("shell", TAMPER, f"runs code in another program with %%{name} "
                                              "(hidden from the grader's scan)", node)
            elif name not in _INERT_CELL_MAGICS:
                self.add("magic", SUSPICIOUS, f"uses the unusual cell magic %%{name}", node)
            return True
        return False

    # -- visitors ------------------------------------------------------------------

    def visit_Import(self, node):
        for alias in node.names:
            self.check_module(alias.name, node)
            top = alias.name.split(".")[0]
            bound = alias.asname or top
            target = alias.name if alias.asname else top
            if self.depth == 0:
                self.bind(bound, node, kind="import", target=target)
            self.s.aliases[bound] = target

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if node.level:
            self.add("import", SUSPICIOUS, "uses a relative import", node)
        self.check_module(module, node)
        for alias in node.names:
            if alias.name == "*":
                if module in ("builtins", "__builtin__"):
                    self.add("builtins", TAMPER, "imports everything from builtins", node)
                continue
            full = f"{module}.{alias.name}" if module else alias.name
            self.check_module(full, node, imported_name=(module, alias.name))
            bound = alias.asname or alias.name
            if self.depth == 0:
                self.bind(bound, node, kind="import", target=full, source_name=alias.name)
            self.s.aliases[bound] = full

    def check_module(self, name: str, node, imported_name=None):
        if not name:
            return
        top = name.split(".")[0]
        if top in self.s.files or top in self.s.written_modules:
            if self.index is not None:
                self.s.imports_of.setdefault(top, self.index)
        for bad, why in _TAMPER_MODULES.items():
            if name == bad or name.startswith(bad + "."):
                self.add("import", TAMPER, why, node)
                return
        if imported_name in _TAMPER_IMPORTED_NAMES:
            self.add("import", TAMPER, f"imports {imported_name[1]} from {imported_name[0]}, "
                                       "which reaches the shell's internals", node)

    def bind(self, name: str, node, *, kind: str, target: str | None = None,
             source_name: str | None = None, value=None):
        """A top-level binding of ``name`` (def, class, assignment, import...)."""
        if self.trusted:
            return
        if name in self.s.helper_names:
            same_import = (kind == "import" and target is not None
                           and self.s.helper_imports.get(name) == target)
            if not same_import:
                self.add("helper", TAMPER, f"redefines {name}, which the tests use", node)
            return
        if name in PROTECTED_BUILTINS and self.depth == 0:
            if kind in ("def", "class", "lambda", "global"):
                self.add("builtins", TAMPER, f"redefines the built-in {name}", node)
            elif kind == "import" and source_name != name:
                self.add("builtins", TAMPER, f"imports another object under the built-in "
                                             f"name {name}", node)
            elif kind == "import" and target and target.split(".")[0] in ("builtins",):
                self.add("builtins", TAMPER, f"rebinds the built-in {name}", node)
            elif kind == "alias" and value is not None:
                alias = value.id if isinstance(value, ast.Name) else None
                if alias in PROTECTED_BUILTINS or alias in self.s.functions or \
                        (alias is None and self.path(value)) or alias in ("builtins",):
                    self.add("builtins", TAMPER, f"replaces the built-in {name}", node)

    def visit_FunctionDef(self, node):
        if self.depth == 0:
            self.bind(node.name, node, kind="def")
            self.s.functions.add(node.name)
        self.scope(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.scope(node)

    def scope(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_ClassDef(self, node):
        if self.depth == 0:
            self.bind(node.name, node, kind="class")
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in _VALUE_TYPES:
                self.add("answer-object", TAMPER, f"defines the class {node.name} as a kind of "
                                                  f"{base.id}, which can pass checks it should "
                                                  "fail", node)
        for item in node.body:
            names = []
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [item.name]
            elif isinstance(item, ast.Assign):
                names = [t.id for t in item.targets if isinstance(t, ast.Name)]
            for name in names:
                if name in _ANSWER_DUNDERS:
                    self.add("answer-object", TAMPER,
                             f"defines {name} in the class {node.name}: such an object can "
                             "pass a comparison it should fail", item)
        for deco in node.decorator_list:
            self.visit(deco)
        for base in node.bases + [k.value for k in node.keywords]:
            self.visit(base)
        self.depth += 1
        for item in node.body:
            self.visit(item)
        self.depth -= 1

    def visit_Global(self, node):
        for name in node.names:
            if name in PROTECTED_BUILTINS or name in self.s.helper_names:
                self.bind(name, node, kind="global")
        self.generic_visit(node)

    def visit_Name(self, node):
        if any(t in node.id for t in _GRADER_MARKS):
            self.add("grader", TAMPER, "uses a name of the grader's own machinery", node)
        elif node.id in ("__builtins__", "__builtin__"):
            self.add("builtins", TAMPER, "uses __builtins__, the built-ins of the kernel", node)
        elif node.id == "get_ipython":
            parent = self.parents.get(id(node))
            if not (isinstance(parent, ast.Call) and id(parent) in self.allowed_shell_calls):
                if isinstance(node.ctx, ast.Load):
                    self.add("shell-internals", TAMPER,
                             "uses get_ipython(), the shell that runs the tests", node)
                else:
                    self.add("shell-internals", TAMPER, "redefines get_ipython", node)
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and any(t in node.value for t in _GRADER_MARKS):
            self.add("grader", TAMPER, "refers to the grader's own machinery", node)
        elif isinstance(node.value, str):
            for text, why in _SENSITIVE_TEXT:
                if text in node.value:
                    self.add("probe", SUSPICIOUS, why, node)
                    break

    def visit_Attribute(self, node):
        attr = node.attr
        if attr in _SHELL_INTERNALS:
            self.add("shell-internals", TAMPER, f"reaches the shell's {attr}, which controls "
                                                "how cells run", node)
        elif attr in ("register", "unregister", "callbacks") and \
                isinstance(node.value, ast.Attribute) and node.value.attr == "events":
            self.add("hooks", TAMPER, "registers an execution hook (code run around every "
                                      "cell, tests included)", node)
        elif attr in _INTERNAL_ATTRS:
            self.add("internals", TAMPER, f"uses {attr}, an internal of the interpreter", node)
        elif attr == "__enter__" and isinstance(node.value, ast.Call):
            self.add("internals", TAMPER, "enters a context by hand (for example to leave "
                                          "standard output redirected)", node)
        elif isinstance(node.ctx, (ast.Store, ast.Del)) and attr in _WRITE_ONLY:
            self.add("internals", TAMPER, f"changes {attr} of an object", node)
        base = self.path(node.value)
        if base == "<ipython>" and attr not in _SHELL_INTERNALS:
            parent = self.parents.get(id(node))
            if not (isinstance(parent, ast.Call) and parent.func is node and
                    id(node.value) in self.allowed_shell_calls):
                self.add("shell-internals", TAMPER, f"uses the shell's {attr}", node)
        elif base and (base == "IPython" and attr not in ("display", "core", "lib", "utils")):
            self.add("shell-internals", TAMPER, f"uses IPython.{attr}", node)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        # get_ipython().run_line_magic(...) and friends: judged as magics.
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call) and \
                isinstance(func.value.func, ast.Name) and func.value.func.id == "get_ipython" \
                and func.attr in ("run_line_magic", "run_cell_magic", "system", "getoutput"):
            self.allowed_shell_calls.add(id(func.value))
            self.magic_call(node, func.attr)
            for arg in node.args:
                self.visit(arg)
            return
        name = self.call_name(func)
        if name in ("exec", "compile") and name not in self.s.functions:
            self.add("dynamic-code", TAMPER, f"runs code given as text with {name}() (hidden "
                                             "from the grader's scan)", node)
        elif name == "eval" and "eval" not in self.s.functions and \
                not (node.args and _literal(node.args[0]) is not None):
            self.add("dynamic-code", TAMPER, "evaluates code built at run time with eval()", node)
        elif name in ("__import__", "importlib.import_module", "importlib.__import__"):
            module = _literal(node.args[0]) if node.args else None
            if module is None:
                self.add("dynamic-code", TAMPER, "imports a module whose name is built at run "
                                                 "time", node)
            else:
                self.check_module(module, node)
        elif name in ("setattr", "delattr") and node.args:
            target = node.args[0]
            tpath = self.path(target)
            if tpath or (isinstance(target, ast.Name) and target.id in ("__builtins__",)):
                self.add("monkeypatch", TAMPER, f"changes {tpath or 'an object'} with {name}()",
                         node)
        elif name in ("globals", "vars", "locals") and isinstance(self.parents.get(id(node)),
                                                                  ast.Attribute):
            attr = self.parents[id(node)].attr
            if attr in ("update", "setdefault", "pop", "clear", "__setitem__"):
                self.add("namespace", TAMPER, f"changes the notebook's names through {name}()",
                         node)
        elif name in ("contextlib.redirect_stdout", "contextlib.redirect_stderr") and \
                id(node) not in self.with_items:
            self.add("io", TAMPER, "redirects standard output outside a with block", node)
        elif name in _TAMPER_CALLS:
            self.add("internals", TAMPER, _TAMPER_CALLS[name], node)
        elif name in _SUSPICIOUS_CALLS:
            rule = {"os.chdir": "chdir", "weakties.learner.set_learner": "learner-id"}.get(
                name, "process")
            self.add(rule, SUSPICIOUS, _SUSPICIOUS_CALLS[name], node)
        elif name and any(name.startswith(p) for p in _SUSPICIOUS_PREFIXES):
            prefix = next(p for p in _SUSPICIOUS_PREFIXES if name.startswith(p))
            self.add("process", SUSPICIOUS, _SUSPICIOUS_PREFIXES[prefix], node)
        elif name in _DELETE_CALLS:
            texts = [_literal(a) for a in node.args]
            if any(t is None or ".." in t or t.startswith(("/", "~")) for t in texts):
                self.add("outside-files", SUSPICIOUS, f"deletes or moves files with {name}() "
                                                      "that may lie outside its folder", node)
        elif name in ("open", "io.open", "os.open") and node.args:
            path = _literal(node.args[0]) or ""
            mode = _literal(node.args[1]) if len(node.args) > 1 else None
            for kw in node.keywords:
                if kw.arg == "mode":
                    mode = _literal(kw.value)
            if path.endswith(".py") and mode and any(c in mode for c in "wax+"):
                self.add("hidden-code", TAMPER, f"writes the Python file {path} while running "
                                                "(code hidden from the grader's scan)", node)
                self.s.written_modules.add(path[:-3].split("/")[-1])
        if name and name.split(".")[-1] in ("pop", "update", "setdefault", "clear",
                                            "append", "insert", "extend", "remove",
                                            "__setitem__"):
            owner = name.rsplit(".", 1)[0]
            if owner in ("sys.modules", "sys.meta_path", "sys.path_hooks"):
                self.add("imports", TAMPER, f"changes {owner}, which controls imports", node)
        self.generic_visit(node)

    def visit_With(self, node):
        for item in node.items:
            self.with_items.add(id(item.context_expr))
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    # -- assignments -----------------------------------------------------------------

    def visit_Assign(self, node):
        for target in node.targets:
            self.target(target, node, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self.target(node.target, node, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.target(node.target, node, None)
        self.generic_visit(node)

    def visit_NamedExpr(self, node):
        self.target(node.target, node, node.value)
        self.generic_visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            self.target(target, node, None)
        self.generic_visit(node)

    def visit_For(self, node):
        self.target(node.target, node, None, kind="loop")
        self.generic_visit(node)

    def target(self, target, node, value, kind=None):
        if isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.target(elt, node, None, kind=kind)
            return
        if isinstance(target, ast.Starred):
            self.target(target.value, node, None, kind=kind)
            return
        if isinstance(target, ast.Name):
            if self.depth == 0:
                if isinstance(value, ast.Lambda):
                    self.s.functions.add(target.id)
                    self.bind(target.id, node, kind="lambda")
                else:
                    self.bind(target.id, node, kind=kind or "alias", value=value)
            return
        if isinstance(target, ast.Attribute):
            path = self.path(target)
            if path in _SYS_REPLACE:
                self.add("io" if "std" in path or "hook" in path else "imports", TAMPER,
                         _SYS_REPLACE[path], node)
            elif path == "sys.path":
                self.add("imports", SUSPICIOUS, "replaces sys.path", node)
            elif path and path.startswith("sys."):
                self.add("internals", TAMPER, f"changes {path}", node)
            elif path and path.startswith("<ipython>"):
                self.add("shell-internals", TAMPER, "changes an attribute of the shell", node)
            elif path and not path.startswith(_CONFIG_PATHS + ("<",)):
                self.add("monkeypatch", TAMPER, f"replaces {path} (code the tests may use)", node)
            elif (path or "").startswith("<type>") or (
                    isinstance(target.value, ast.Attribute) and target.value.attr == "__class__"):
                self.add("monkeypatch", TAMPER, "changes a class through one of its objects",
                         node)
            return
        if isinstance(target, ast.Subscript):
            owner = target.value
            key = _literal(target.slice) if isinstance(target.slice, ast.Constant) else None
            oname = self.call_name(owner.func) if isinstance(owner, ast.Call) else None
            opath = self.path(owner)
            if oname in ("globals", "vars", "locals") or (
                    isinstance(owner, ast.Attribute) and owner.attr == "__dict__"):
                if key is None or key in PROTECTED_BUILTINS or key in self.s.helper_names:
                    self.add("namespace", TAMPER, "changes a name through a namespace "
                                                  f"dictionary ({key or 'a computed name'})", node)
            elif opath in ("sys.modules", "sys.meta_path", "sys.path_hooks"):
                self.add("imports", TAMPER, f"changes {opath}, which controls imports", node)
            elif opath == "os.environ":
                if key is None or any(t in key for t, _ in _SENSITIVE_TEXT):
                    self.add("learner-id", SUSPICIOUS, f"sets the environment variable "
                                                       f"{key or '(computed)'}", node)
            elif opath and not opath.startswith(_CONFIG_PATHS) and not opath.startswith("os."):
                self.add("monkeypatch", TAMPER, f"changes an entry of {opath}", node)
