"""Start the page: a production-grade WSGI server (waitress: pure Python, on Windows, macOS and
Linux) on this computer, the browser opened at it, and a clean stop on Ctrl-C."""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem
from facilitator.web.guard import Guard
from facilitator.web.workspace import Workspace


def serve(host: str = "127.0.0.1", port: int = 0, *, open_browser: bool = True, locales: Path | None = None, max_builds: int = 2,
          say: Callable[[str], None] = print) -> None:
    """Serve the page until Ctrl-C. ``port`` 0 takes a free one. Any ``host`` other than this
    computer's needs the start-up token, which is printed with the address."""
    from waitress import create_server

    from facilitator.web.server import create_app

    local = host in ("127.0.0.1", "localhost", "::1")
    if locales is not None and not Path(locales).is_dir():
        raise FacilitatorError(Problem(str(locales), 0, "--locales", "is not a folder", "give a folder that holds locale packs (made with `facilitator locale init`)"))
    workspace = Workspace(max_builds=max_builds)
    guard = Guard(port=port, network=not local, hosts=() if host in ("0.0.0.0", "::") or local else (host.lower(),))
    app = create_app(guard, workspace, locales)
    try:
        server = create_server(app, host=host, port=port, threads=8, ident="facilitator")
    except OSError as exc:
        workspace.close()
        raise FacilitatorError(Problem(field="--port", message=f"cannot listen on {host}:{port}: {exc.strerror}", hint="choose another port with --port, or leave it out for a free one")) from None
    guard.port = int(server.effective_port)  # type: ignore[union-attr]
    shown = "127.0.0.1" if local else host
    address = f"http://{shown}:{guard.port}/" + ("" if local else f"?token={guard.token}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    say(f"The facilitator page is at {address}")
    if not local:
        say("It is open to this network: anyone who has the whole address, with its token, can use it. Share it only with your team.")
    say("Press Ctrl-C to stop it.")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        workspace.close()
        say("Stopped. The sessions made on the page were removed; the packs you downloaded are yours.")
