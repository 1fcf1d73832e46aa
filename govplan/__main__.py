"""Run the command line: ``python -m govplan`` is the same as ``govplan``."""

import sys

from govplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
