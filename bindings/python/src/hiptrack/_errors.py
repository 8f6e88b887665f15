"""Status codes and the exceptions they become.

Every failing call of the C library returns a negative ``hip_status``; the binding raises the
matching subclass of :class:`HipError` (the mapping lives in bindings/swig/hiptrack_python.i).
Each subclass also derives from the closest built-in exception, so ``except ValueError`` catches an
invalid argument and ``except LookupError`` an unknown id.
"""
from __future__ import annotations

import enum
from typing import Optional


class Status(enum.IntEnum):
    """``hip_status``: 0 is success, positive values are signals, negative values are errors."""

    OK = 0
    DONE = 1
    ERR_INVALID = -1
    ERR_NOMEM = -2
    ERR_RANGE = -3
    ERR_FORMAT = -4
    ERR_BUFSIZE = -5
    ERR_NOT_FOUND = -6
    ERR_EXISTS = -7
    ERR_STATE = -8
    ERR_VERSION = -9
    ERR_CORRUPT = -10
    ERR_UNSUPPORTED = -11


class HipError(Exception):
    """An error reported by hiptrack.

    ``code`` is the :class:`Status` (or the raw int for a code this version does not know) and
    ``message`` the library's explanation, which names the field, line or column at fault.
    """

    code: "Status | int"
    message: str

    def __init__(self, message: str = "", code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        raw = code if code is not None else getattr(type(self), "default_code", Status.ERR_INVALID)
        try:
            self.code = Status(raw)
        except ValueError:
            self.code = raw

    @property
    def status_name(self) -> str:
        """The C enum constant's name, such as ``"HIP_ERR_RANGE"``."""
        return "HIP_" + self.code.name if isinstance(self.code, Status) else f"HIP_STATUS_{self.code}"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.status_name})"


class InvalidArgumentError(HipError, ValueError):
    """HIP_ERR_INVALID: an argument or configuration field is invalid."""

    default_code = Status.ERR_INVALID


class OutOfMemoryError(HipError, MemoryError):
    """HIP_ERR_NOMEM: an allocation failed; the object is unchanged."""

    default_code = Status.ERR_NOMEM


class OutOfRangeError(HipError, ValueError):
    """HIP_ERR_RANGE: a number (or timestamp) out of range, NaN or infinite."""

    default_code = Status.ERR_RANGE


class FormatError(HipError, ValueError):
    """HIP_ERR_FORMAT: malformed text or bytes, or a document that fails validation."""

    default_code = Status.ERR_FORMAT


class BufferSizeError(HipError):
    """HIP_ERR_BUFSIZE: a buffer or queue is too small (the binding sizes buffers itself)."""

    default_code = Status.ERR_BUFSIZE


class NotFoundError(HipError, LookupError):
    """HIP_ERR_NOT_FOUND: no such id, version or item."""

    default_code = Status.ERR_NOT_FOUND


class AlreadyExistsError(HipError, ValueError):
    """HIP_ERR_EXISTS: a duplicate of something already present."""

    default_code = Status.ERR_EXISTS


class StateError(HipError, RuntimeError):
    """HIP_ERR_STATE: not allowed in the object's current state (also: the object is closed)."""

    default_code = Status.ERR_STATE


class VersionError(HipError, ValueError):
    """HIP_ERR_VERSION: a serialized format version this build does not read."""

    default_code = Status.ERR_VERSION


class CorruptError(HipError, ValueError):
    """HIP_ERR_CORRUPT: a checksum or integrity check failed."""

    default_code = Status.ERR_CORRUPT


class UnsupportedError(HipError, NotImplementedError):
    """HIP_ERR_UNSUPPORTED: a feature this build does not include."""

    default_code = Status.ERR_UNSUPPORTED


__all__ = [
    "Status", "HipError", "InvalidArgumentError", "OutOfMemoryError", "OutOfRangeError",
    "FormatError", "BufferSizeError", "NotFoundError", "AlreadyExistsError", "StateError",
    "VersionError", "CorruptError", "UnsupportedError",
]
