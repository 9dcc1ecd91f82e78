"""``python -m kzclaims``."""

from kzclaims.cli import main

main()
