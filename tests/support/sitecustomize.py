"""Network guard for build tests: refuse and log connections that leave this machine.

Loaded by Python at start-up when its folder is on PYTHONPATH; the log file is
named by NETWORK_GUARD_LOG. Loopback and Unix sockets (the notebook kernels'
own channels) are allowed.
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("NETWORK_GUARD_LOG")


def _is_local(address) -> bool:
    if not isinstance(address, tuple):
        return True  # a Unix socket path
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse(what: str):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {what}\n")
    raise OSError(f"network access blocked by the build test: {what}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def connect(self, address):
    if not _is_local(address):
        _refuse(f"connect {address!r}")
    return _connect(self, address)


def connect_ex(self, address):
    if not _is_local(address):
        _refuse(f"connect {address!r}")
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not _is_local((host,)):
        _refuse(f"resolve {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


if _LOG:
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
