"""Run the command line: ``python -m govplan`` is the same as ``govplan``."""

import sys

try:
    from govplan.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line loads: one line, no traceback
    sys.stderr.write("govplan: interrupted\n")
    sys.exit(130)

if __name__ == "__main__":
    sys.exit(main())
