"""`python -m bench.synthetic [--shape=sample|wide] ELEMENTS OUTDIR [SEED]`, run from the
repository root."""

import sys

from . import main

sys.exit(main())
