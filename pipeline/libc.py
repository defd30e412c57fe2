"""The two calls into the C library the workers make, in one place.

In:  nothing but the running process.
Out: `die_with_parent()` asks Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG);
     `give_back_memory()` returns the freed heap to the system (glibc's malloc_trim). Each returns
     whether it took effect: elsewhere (another system, another C library) they do nothing, and the
     callers keep their own fallbacks (a worker also watches its parent's pid, or ends when its pipe closes).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys
from functools import lru_cache

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    """The C library, loaded once per process; None where there is none to load."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def die_with_parent() -> bool:
    """Have the kernel send SIGKILL to this process when its parent dies (Linux only)."""
    libc = _libc()
    if libc is None or not sys.platform.startswith("linux"):
        return False
    try:
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except AttributeError:
        return False


def give_back_memory() -> bool:
    """Return the freed heap to the system (glibc only)."""
    libc = _libc()
    try:
        return libc is not None and libc.malloc_trim(0) == 1
    except AttributeError:
        return False
