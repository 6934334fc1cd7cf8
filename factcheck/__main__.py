"""`python -m factcheck`: the command line, for environments where the `factcheck` script is not on the PATH."""

from factcheck.cli import main

main()
