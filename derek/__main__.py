"""``python -m derek`` runs the command line."""

from derek.cli import main

main()
