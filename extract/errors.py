"""Domain exceptions: library code raises these, the CLI turns them into one clear line."""


class PoliceKGError(Exception):
    """Base class for every error policekg reports to a user.

    ``exit_code`` is the command's exit code when it ends with this error: 2, nothing could be
    done; a subclass for work that was understood but found problems says 1.
    """

    exit_code = 2


class DocumentError(PoliceKGError):
    """A document could not be read or contains no usable text."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InvalidInput(PoliceKGError, ValueError):
    """A value the user gave (an option, a name, a file suffix, a setting) that policekg cannot use.

    Also a ``ValueError``, so code that caught ``ValueError`` before keeps working.
    """


class AccessError(PoliceKGError, OSError):
    """A file, folder or network port the user named could not be used (read, written or listened on).

    Also an ``OSError``, so code that caught ``OSError`` before keeps working.
    """
