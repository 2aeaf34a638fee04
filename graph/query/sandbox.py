"""Confining a query worker process: it may not open a socket, and it dies with its parent.

Why: pyoxigraph evaluates a SPARQL ``SERVICE`` pattern by sending an HTTP request to whatever
IRI the query names, and it has no option to turn that off. The endpoint refuses such queries
after parsing them (:mod:`policekg.graph.query.service_check`); this is the second wall, made by the
kernel: a seccomp filter makes ``socket(2)`` fail with EACCES in the worker, so the engine
cannot reach the network (nor DNS) whatever query it is given. Sockets the worker already holds
(its pipe to the server) keep working.

Linux only, on x86-64 and AArch64 (the filter names system calls by number). Elsewhere
:func:`confine` changes nothing and says so, and the parse check is the only wall.
"""
from __future__ import annotations

import ctypes
import platform
import signal
import struct
import sys

_PR_SET_PDEATHSIG = 1
_PR_SET_SECCOMP = 22
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_X32_SYSCALL_BIT = 0x40000000

# machine: (audit architecture, number of socket(2), whether x32 numbers must be refused)
_ARCHITECTURES = {
    "x86_64": (0xC000003E, 41, True),
    "aarch64": (0xC00000B7, 198, False),
}

# Classic BPF opcodes used by the filter.
_LOAD_WORD = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JUMP_EQUAL = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JUMP_AT_LEAST = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RETURN = 0x06  # BPF_RET | BPF_K
_NR_OFFSET, _ARCH_OFFSET = 0, 4  # fields of struct seccomp_data


class _Program(ctypes.Structure):
    _fields_ = [("length", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


def _instruction(code: int, jump_true: int, jump_false: int, value: int) -> bytes:
    return struct.pack("=HBBI", code, jump_true, jump_false, value)


def _no_socket_filter(arch: int, socket_number: int, refuse_x32: bool) -> bytes:
    """A filter refusing socket(2), and every call made under another architecture's numbering."""
    refuse = _SECCOMP_RET_ERRNO | _EACCES
    program = [
        _instruction(_LOAD_WORD, 0, 0, _ARCH_OFFSET),
        _instruction(_JUMP_EQUAL, 1, 0, arch),  # foreign ABI (e.g. i386 on x86-64): refuse
        _instruction(_RETURN, 0, 0, refuse),
        _instruction(_LOAD_WORD, 0, 0, _NR_OFFSET),
        _instruction(_JUMP_AT_LEAST, 2, 0, _X32_SYSCALL_BIT if refuse_x32 else 0xFFFFFFFF),
        _instruction(_JUMP_EQUAL, 1, 0, socket_number),
        _instruction(_RETURN, 0, 0, _SECCOMP_RET_ALLOW),
        _instruction(_RETURN, 0, 0, refuse),
    ]
    return b"".join(program)


def confine() -> str | None:
    """Forbid this process (and threads it starts later) to open sockets; ``None`` once done,
    otherwise why it could not be done.

    Call it in the worker's only thread, before opening the store. Also asks the kernel to
    kill the worker when its parent dies, so a query cannot outlive the server.
    """
    if not sys.platform.startswith("linux"):
        return f"no socket sandbox on {sys.platform}"
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    machine = platform.machine()
    if machine not in _ARCHITECTURES:
        return f"no socket sandbox on {machine}"
    code = _no_socket_filter(*_ARCHITECTURES[machine])
    program = _Program(len(code) // 8, code)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        return f"no socket sandbox: seccomp refused (errno {ctypes.get_errno()})"
    return None
