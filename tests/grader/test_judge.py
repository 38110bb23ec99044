"""The judge: tests run on plain data, in a fresh child per notebook, reporting only outcomes."""

from __future__ import annotations

import asyncio
import builtins
import json


from grader.engine import judge_process as jp
from grader.engine.judge import JudgePlan, JudgeSession
from grader.engine import wire


class FakeData(jp.StudentData):
    """The student's notebook, played by a dictionary (no kernel, no socket)."""

    def __init__(self, values, functions=None):
        super().__init__(sock=None)
        self.values, self.functions = values, functions or {}
        self.asked: list = []

    def _ask(self, message):
        self.asked.append(message)
        if message["op"] == "need":
            return json.dumps({n: ({"value": wire.to_plain(self.values[n])}
                                   if n in self.values else
                                   {"value": {"function": n}} if n in self.functions
                                   else {"missing": True}) for n in message["names"]})
        args, kwargs = wire.decode(message["args"], args=True)
        try:
            return json.dumps({"value": wire.to_plain(self.functions[message["name"]](
                *args, **kwargs), top=False)})
        except Exception as exc:  # noqa: BLE001
            return json.dumps({"raised": [type(exc).__name__, str(exc)]})


def run(source, values=None, functions=None, cpu=10):
    ns = jp.Namespace(FakeData(values or {}, functions))
    return jp.run_cell(source, ns, cpu)


def test_a_bare_name_reads_the_students_value_as_plain_data():
    passed, outputs = run("assert n == 3\nassert isinstance(n, int)", {"n": 3})
    assert passed and outputs == []
    passed, outputs = run("assert n == 3, f'n is {n}'", {"n": 4})
    assert not passed and outputs[-1]["ename"] == "AssertionError"
    assert outputs[-1]["evalue"] == "n is 4"


def test_names_inside_functions_and_comprehensions_reach_the_student_too():
    passed, _ = run("def f():\n    return total\nassert f() == sum([x for x in items])",
                    {"total": 6, "items": [1, 2, 3]})
    assert passed


def test_builtins_are_the_judges_own():
    # A student's variable named like a built-in cannot change the judge's len().
    passed, _ = run("assert len([1, 2]) == 2", {"len": 99})
    assert passed


def test_a_missing_answer_is_a_name_error_and_answer_gives_a_teaching_message():
    passed, outputs = run("assert missing == 1")
    assert not passed and outputs[-1]["ename"] == "NameError"
    passed, outputs = run("from weakties import exercises as ex\nex.answer('missing')")
    assert not passed and "a variable named `missing`" in outputs[-1]["evalue"]


def test_a_students_function_is_called_in_the_students_kernel():
    data = {"square": lambda x: x * x, "boom": lambda x: 1 / 0}
    passed, _ = run("assert square(4) == 16", functions=data)
    assert passed
    passed, outputs = run("assert boom(1) == 2", functions=data)
    assert not passed and outputs[-1]["ename"] == "ZeroDivisionError"
    assert "your code stopped with ZeroDivisionError" in outputs[-1]["evalue"]


def test_other_errors_do_not_quote_the_judges_values():
    # A KeyError would name an expected key: only its type is shown.
    passed, outputs = run("_expected = {'Health': 3}\nfound = dict(answer)\n"
                          "assert found['Health'] == _expected['Health']", {"answer": {}})
    assert not passed and outputs[-1]["ename"] == "KeyError"
    assert "Health" not in outputs[-1]["evalue"]


def test_a_test_that_uses_too_much_cpu_stops_with_a_timeout():
    passed, outputs = run("while True:\n    pass", cpu=0.3)
    assert not passed and outputs[-1]["ename"] == "TimeoutError"


def test_partial_credit_is_the_value_of_the_last_expression():
    passed, outputs = run("2.5")
    assert passed and outputs[-1]["output_type"] == "execute_result"
    assert outputs[-1]["data"]["text/plain"] == "2.5"


def test_free_names_are_asked_for_together():
    data = FakeData({"a": 1, "b": 2})
    ns = jp.Namespace(data)
    names = [n for n in jp.free_names("assert a + b == 3") if n not in builtins.__dict__]
    data.prefetch(names)
    jp.run_cell("assert a + b == 3", ns, 5)
    assert [m["op"] for m in data.asked] == ["need"] and data.asked[0]["names"] == ["a", "b"]


def test_each_notebook_gets_a_fresh_judge(judge_server):
    """What one notebook's tests change in the judge is gone for the next notebook
    (with the session's judge: sandboxed wherever bubblewrap works)."""

    class Kernel:
        async def fetch(self, names):
            return json.dumps({n: {"missing": True} for n in names}), None

        async def call(self, name, args):
            return None, "no kernel"

    cells = [{"index": 0, "kind": "locked", "source": "import weakties.exercises as ex"},
             {"index": 1, "kind": "test", "source":
              "import weakties\nseen = getattr(weakties, 'poisoned', False)\n"
              "weakties.poisoned = True\nex.check_equal = None\nassert not seen"}]

    async def one_notebook():
        session = JudgeSession(JudgePlan(judge_server, "alice", cells))
        await session.open()
        try:
            return await session.run_test(1, Kernel(), timeout=120)
        finally:
            await session.close()

    first = asyncio.run(one_notebook())
    second = asyncio.run(one_notebook())
    assert first.passed and second.passed, (first.outputs, second.outputs)


def _counting(real):
    calls = []

    def population(n, *, seed, **options):
        calls.append((n, seed, options))
        return real(n, seed=seed, **options)

    return population, calls


def test_a_population_built_twice_in_a_session_is_built_once_and_shared_with_nobody():
    import types

    import networkx as nx

    from weakties.populations import population as real

    counting, calls = _counting(real)
    module = types.SimpleNamespace(population=counting)
    jp.share_populations(module)
    first = module.population(60, seed="alice")
    first.remove_node(0)
    first.add_edge(1, 2, strength=0.01)
    first.nodes[3]["sector"] = "changed"
    first.graph["options"]["homophily"] = 9
    second = module.population(60, seed="alice")
    fresh = real(60, seed="alice")
    assert len(calls) == 1
    assert nx.utils.graphs_equal(second, fresh) and second is not first
    assert second.graph["options"] == fresh.graph["options"]
    # Other arguments, another population; an argument that cannot be a key, no sharing.
    assert not nx.utils.graphs_equal(module.population(60, seed="bob"), fresh)
    assert len(calls) == 2


def test_a_population_with_changeable_attributes_is_built_again_not_shared():
    import types

    import networkx as nx

    def real(n, *, seed, **options):
        G = nx.path_graph(n)
        G.nodes[0]["notes"] = []            # a list could be changed in place
        return G

    counting, calls = _counting(real)
    module = types.SimpleNamespace(population=counting)
    jp.share_populations(module)
    a = module.population(5, seed=1)
    a.nodes[0]["notes"].append("x")
    b = module.population(5, seed=1)
    assert b.nodes[0]["notes"] == [] and len(calls) == 3   # the first build, then two more
    assert jp.independent_copy(a) is None


def test_what_a_test_does_to_its_population_reaches_no_other_cell(judge_server):
    """The setup's population and the test's are equal and separate objects in the judge."""

    class Kernel:
        async def fetch(self, names):
            return json.dumps({n: {"missing": True} for n in names}), None

        async def call(self, name, args):
            return None, "no kernel"

    cells = [{"index": 0, "kind": "locked", "source":
              "import weakties\nG = weakties.population(60, seed='s')\nG.remove_node(0)\n"
              "G.graph['options']['homophily'] = 9"},
             {"index": 1, "kind": "test", "source":
              "H = weakties.population(60, seed='s')\n"
              "assert H is not G and 0 in H and 0 not in G\n"
              "assert H.graph['options']['homophily'] != 9\n"
              "assert H.number_of_edges() > G.number_of_edges()"}]

    async def one_notebook():
        session = JudgeSession(JudgePlan(judge_server, "alice", cells))
        await session.open()
        try:
            return await session.run_test(1, Kernel(), timeout=120)
        finally:
            await session.close()

    outcome = asyncio.run(one_notebook())
    assert outcome.passed, outcome.outputs
