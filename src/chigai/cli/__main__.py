"""`python -m chigai.cli`: the same as the `chigai` command."""

import sys

from chigai.cli import main

sys.exit(main())
