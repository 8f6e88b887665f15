# The SWIG-generated raw C API (bindings/swig/hiptrack_python.i). Untyped: use the package's
# Pythonic classes; this stub only lets type checkers accept the module.
from typing import Any

def __getattr__(name: str) -> Any: ...
