"""Entry point of the frozen (PyInstaller) app: the same as the ``onestop`` command.

``build.spec`` freezes this script; it only hands over to ``onestop_desktop.cli.main``.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # Needed in a frozen app before anything starts worker processes.
    multiprocessing.freeze_support()
    from onestop_desktop.cli import main

    sys.exit(main())
