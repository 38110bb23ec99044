"""A gradebook database that cannot be reached gives one clear error, without its password."""

import pytest

pytest.importorskip("psycopg")

from grader.errors import UserError  # noqa: E402
from grader.stores.gradebook import table_names  # noqa: E402


class _Course:
    # port 9 (discard) on loopback: nothing listens there, the connection is refused at once
    db_url = "postgresql+psycopg://grader:s3cret-word@127.0.0.1:9/course"


def test_unreachable_database_names_the_problem_and_the_fix_and_hides_the_password():
    with pytest.raises(UserError) as caught:
        table_names(_Course())
    message = str(caught.value)
    assert "cannot reach the gradebook database" in message
    assert "127.0.0.1:9/course" in message and "stack.py start" in message
    assert "s3cret-word" not in message
