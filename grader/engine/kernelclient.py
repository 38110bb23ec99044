"""A kernel client that never sleeps through a message that has arrived.

With pyzmq's asyncio sockets, a wait for a message can miss the wake-up when
the message arrives while it starts (the socket's file descriptor is
edge-triggered): the client then notices the message only when its timeout
runs out. Seen here: a lesson cell whose reply came at once was read 30 to
120 seconds later, and a graded cell could look timed out. Waiting in short
steps re-checks the socket at each step, so a message is read at most
:data:`STEP` seconds late, and the overall timeout is kept.

Use :class:`SteppedKernelManager` as nbclient's ``kernel_manager_class``, or
set ``client_class`` of your own kernel manager to
``"grader.engine.kernelclient.SteppedKernelClient"``.
"""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

#: Longest wait between two looks at a socket, in seconds.
STEP = 0.5


class SteppedChannel(AsyncZMQSocketChannel):
    """A channel whose ``get_msg`` waits in steps of at most :data:`STEP` seconds."""

    async def get_msg(self, timeout: float | None = None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            step = STEP if deadline is None else max(0.0, min(STEP, deadline - time.monotonic()))
            try:
                return await super().get_msg(timeout=step)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise


class SteppedKernelClient(AsyncKernelClient):
    """An asynchronous kernel client whose channels wait in short steps."""

    shell_channel_class = Type(SteppedChannel)
    iopub_channel_class = Type(SteppedChannel)
    stdin_channel_class = Type(SteppedChannel)
    control_channel_class = Type(SteppedChannel)


class SteppedKernelManager(AsyncKernelManager):
    """An asynchronous kernel manager that hands out :class:`SteppedKernelClient`."""

    client_class = DottedObjectName("grader.engine.kernelclient.SteppedKernelClient")
    client_factory = Type(SteppedKernelClient, klass=AsyncKernelClient)
