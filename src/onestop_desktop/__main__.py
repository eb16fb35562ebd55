"""``python -m onestop_desktop`` is the ``onestop`` command."""

import sys

from onestop_desktop.cli import main

sys.exit(main())
