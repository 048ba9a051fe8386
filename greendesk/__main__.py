"""Allows `python -m greendesk`."""

import sys

from greendesk.cli import main

sys.exit(main())
