"""The base of the handle classes: explicit close, context manager, closed-state errors."""
from __future__ import annotations

from typing import Any, Optional, Type, TypeVar

from ._errors import InvalidArgumentError, StateError
from . import _values

H = TypeVar("H", bound="Handle")


class Handle:
    """An owned C handle. ``close()`` (or leaving a ``with`` block) destroys it at once; without
    it the handle is destroyed when the object is garbage-collected. Using a closed object
    raises :class:`StateError`."""

    _c: Any = None
    _kind = "handle"

    def close(self) -> None:
        """Destroys the C object now (a second call does nothing)."""
        # Dropping the reference destroys the SWIG object; a call still running on another thread
        # holds its own reference, so the C object outlives that call.
        self._c = None

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._c is None

    def _live(self) -> Any:
        c = self._c
        if c is None:
            raise StateError(f"this {self._kind} is closed")
        return c

    def __enter__(self: H) -> H:
        self._live()
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException],
                 tb: Any) -> None:
        self.close()


def export_text(call: Any, *args: Any) -> str:
    """The library's two-call export: ``call(*args, None)`` gives the length, then the text is
    written into a buffer one byte longer (for the NUL) and decoded."""
    _, n = call(*args, None)
    buf = bytearray(n + 1)
    _, n = call(*args, buf)
    return buf[:n].decode("utf-8")


def fill(obj: Any, c: Any, what: str) -> Any:
    """to_c with SWIG's conversion errors turned into InvalidArgumentError naming the field."""
    try:
        return _values.to_c(obj, c)
    except (TypeError, ValueError, OverflowError) as e:
        raise InvalidArgumentError(f"{what}: {e}") from None


def set_fields(c: Any, fields: "dict[str, Any]", what: str) -> None:
    """Sets config fields by name, refusing unknown names."""
    for name, value in fields.items():
        if name.startswith("_") or name in ("struct_size", "this", "thisown") or not hasattr(c, name):
            raise InvalidArgumentError(f"{what}: no field {name!r}")
        try:
            setattr(c, name, int(value) if isinstance(value, bool) else value)
        except (TypeError, ValueError, OverflowError) as e:
            raise InvalidArgumentError(f"{what}.{name}: {e}") from None
