"""``python -m policekg``: the same as the ``policekg`` command."""
from policekg.cli import main

main()
