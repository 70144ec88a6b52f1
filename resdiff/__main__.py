"""``python -m resdiff``."""

from resdiff.cli import main

raise SystemExit(main())
