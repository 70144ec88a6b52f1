"""``python -m resdiff``."""

from resdiff.entry import main

raise SystemExit(main())
