"""The C-library calls of the workers (`pipeline.libc`): each takes effect on Linux with glibc and says so."""
from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from pipeline.libc import give_back_memory

# What the child prints: the signal its parent's death sends it (prctl PR_GET_PDEATHSIG = 2).
CHILD = """
import ctypes, ctypes.util
from pipeline.libc import die_with_parent
assert die_with_parent()
value = ctypes.c_int()
ctypes.CDLL(ctypes.util.find_library("c")).prctl(2, ctypes.byref(value))
print(value.value)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_is_killed_with_its_parent():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True).stdout
    assert int(out) == signal.SIGKILL


def test_freed_memory_is_given_back_or_nothing_happens():
    assert give_back_memory() in (True, False)
