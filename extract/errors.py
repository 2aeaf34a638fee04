"""Domain exceptions: library code raises these, the CLI turns them into one clear line."""


class PoliceKGError(Exception):
    """Base class for every error policekg reports to a user."""


class DocumentError(PoliceKGError):
    """A document could not be read or contains no usable text."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
