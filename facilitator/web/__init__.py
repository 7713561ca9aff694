"""The local web page (``facilitator app``): the same pipeline as the command line, in a browser.

:mod:`server` holds the pages, :mod:`forms` reads them into the command line's options,
:mod:`workspace` keeps each session and build in a folder of its own, :mod:`guard` checks who may
drive the page, and :mod:`serve` starts it.
"""
