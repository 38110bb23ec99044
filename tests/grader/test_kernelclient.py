"""grader.engine.kernelclient: waiting in steps reads a message that is already there."""

import asyncio
from queue import Empty

import pytest

from grader.engine import kernelclient


class FakeSocket:
    """A socket whose first polls miss a message that is already queued (a lost wake-up)."""

    def __init__(self, misses):
        self.misses = misses
        self.polls = []

    async def poll(self, timeout_ms):
        self.polls.append(timeout_ms)
        if self.misses > 0:
            self.misses -= 1
            await asyncio.sleep(timeout_ms / 1000)  # sleeps through the message
            return 0
        return 1


def channel(socket):
    ch = kernelclient.SteppedChannel.__new__(kernelclient.SteppedChannel)
    ch.socket = socket

    async def recv(**kwargs):
        return {"msg": "reply"}

    ch._recv = recv
    return ch


def test_a_missed_wake_up_costs_one_step_not_the_whole_timeout():
    socket = FakeSocket(misses=1)
    msg = asyncio.run(channel(socket).get_msg(timeout=30))
    assert msg == {"msg": "reply"}
    # Two looks: the one that slept through the message (one step, not 30 s), then the next.
    assert len(socket.polls) == 2
    assert all(p <= kernelclient.STEP * 1000 for p in socket.polls)


def test_the_overall_timeout_is_kept():
    socket = FakeSocket(misses=10**6)
    with pytest.raises(Empty):
        asyncio.run(channel(socket).get_msg(timeout=1.2))
    # The steps asked for add up to the timeout: neither cut short nor waiting past it.
    assert sum(socket.polls) == pytest.approx(1200, abs=60)
    assert all(p <= kernelclient.STEP * 1000 for p in socket.polls)


def test_clients_of_the_manager_use_stepped_channels():
    km = kernelclient.SteppedKernelManager()
    kc = km.client()
    assert kc.shell_channel_class is kernelclient.SteppedChannel
    assert kc.iopub_channel_class is kernelclient.SteppedChannel
