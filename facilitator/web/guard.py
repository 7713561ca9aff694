"""Who may drive the page: the Host and Origin checks, the CSRF token and the start-up token.

The page runs on the user's own computer. A web page elsewhere must not be able to drive it: a
request whose ``Host`` is not this server's (DNS rebinding) or whose ``Origin`` is another site's
is refused, and every form post carries a CSRF token bound to the browser's session. Served on a
network (``--host``), the page also needs the token printed at start, as Jupyter does: the first
visit brings it in the address, and the browser's session remembers it.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


@dataclass
class Guard:
    """The checks of one running page."""

    port: int
    network: bool = False
    """Served beyond this computer (``--host``): the start-up token is needed."""
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    hosts: tuple[str, ...] = ()
    """More host names the page may be reached by (the ``--host`` given)."""

    def host_ok(self, host: str | None) -> bool:
        """``Host`` names this server: a local name (or, on a network, the address it was started
        on) with its port. A rebinding attacker's name is refused."""
        if not host:
            return False
        name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if not name:
            name, port = host, ""
        if port and port != str(self.port):
            return False
        names = LOCAL_NAMES + self.hosts
        return name.lower() in names or (self.network and not self.hosts)

    def origin_ok(self, origin: str | None, host: str | None) -> bool:
        """A post's ``Origin`` (or ``Referer``), when the browser sends one, is this page itself."""
        if not origin:
            return True  # browsers send Origin on cross-site posts; the CSRF token covers the rest
        if origin == "null":
            return False
        return urlsplit(origin).netloc.lower() == (host or "").lower()

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(str(given), self.token)


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
