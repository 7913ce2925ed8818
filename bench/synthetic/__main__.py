"""`python -m bench.synthetic ELEMENTS OUTDIR [SEED]`, run from the repository root."""

import sys

from . import main

sys.exit(main())
