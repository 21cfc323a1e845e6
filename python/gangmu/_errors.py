"""Exceptions raised by gangmu.

They are defined in Python so that :class:`DecodeError` can be both a
:class:`GangmuError` and a :class:`ValueError`; the native module raises them.
"""

from __future__ import annotations

__all__ = ["ConfigError", "DecodeError", "DocxError", "GangmuError"]


class GangmuError(Exception):
    """Base class of every error gangmu raises on purpose."""


class DecodeError(GangmuError, ValueError):
    """Bytes that are not text in UTF-8, UTF-16 (with BOM) or GB18030.

    The message names the reason, e.g. ``binary content: NUL byte at offset 0``.
    """


class DocxError(GangmuError, ValueError):
    """A .docx that cannot be read: not a zip archive, no ``word/document.xml``,
    a part larger than the limits (a zip bomb), XML nested too deep or not
    well-formed. The message names the part and the reason.
    """


class ConfigError(GangmuError, ValueError):
    """A bad linter configuration; ``key`` names the offending key or rule.

    >>> ConfigError("nonsense: unknown key", "nonsense").key
    'nonsense'
    """

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key
