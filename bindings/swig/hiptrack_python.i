/* hiptrack_python.i: the Python side of the SWIG binding. It owns what is Python's alone:
 * - the single status-to-exception mapping (hip_py_raise; the classes live in hiptrack._errors),
 * - the array typemaps, written over the buffer protocol (numpy arrays, bytes, bytearray,
 *   memoryview, array.array: anything C-contiguous with the right item format, never copied),
 * - releasing the GIL around the long calls hiptrack.i marks with HIP_LONG_CALL.
 * The generated module is hiptrack.capi (the raw C API as classes); the Pythonic API is the pure
 * Python package around it. */
%module(package="hiptrack") capi

%begin %{
#define PY_SSIZE_T_CLEAN
%}

%{
#include <string.h>

/* Status -> exception class in hiptrack._errors. Unlisted negative codes give HipError itself. */
static const struct { int status; const char *name; } hip_py_error_classes[] = {
    {-1, "InvalidArgumentError"},   /* HIP_ERR_INVALID (also a ValueError) */
    {-2, "OutOfMemoryError"},       /* HIP_ERR_NOMEM (also a MemoryError) */
    {-3, "OutOfRangeError"},        /* HIP_ERR_RANGE (also a ValueError) */
    {-4, "FormatError"},            /* HIP_ERR_FORMAT (also a ValueError) */
    {-5, "BufferSizeError"},        /* HIP_ERR_BUFSIZE */
    {-6, "NotFoundError"},          /* HIP_ERR_NOT_FOUND (also a LookupError) */
    {-7, "AlreadyExistsError"},     /* HIP_ERR_EXISTS (also a ValueError) */
    {-8, "StateError"},             /* HIP_ERR_STATE (also a RuntimeError) */
    {-9, "VersionError"},           /* HIP_ERR_VERSION (also a ValueError) */
    {-10, "CorruptError"},          /* HIP_ERR_CORRUPT (also a ValueError) */
    {-11, "UnsupportedError"},      /* HIP_ERR_UNSUPPORTED (also a NotImplementedError) */
};

static PyObject *hip_py_errors_module = NULL;

/* Raises the exception for a negative status with message (the caller then fails). */
static void hip_py_raise(int status, const char *message)
{
    const char *name = "HipError";
    for (size_t i = 0; i < sizeof hip_py_error_classes / sizeof hip_py_error_classes[0]; i++)
        if (hip_py_error_classes[i].status == status) name = hip_py_error_classes[i].name;
    if (!hip_py_errors_module) {
        hip_py_errors_module = PyImport_ImportModule("hiptrack._errors");
        if (!hip_py_errors_module) return;
    }
    PyObject *cls = PyObject_GetAttrString(hip_py_errors_module, name);
    if (!cls) return;
    PyObject *exc = PyObject_CallFunction(cls, "si", message ? message : "", status);
    if (exc) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
    Py_DECREF(cls);
}

/* Buffer access. kind: 'f' float32, 'q' int64, 'b' bytes (any 1-byte format), 0 any format of
 * exactly itemsize bytes (a structured numpy array of C structs). */
static int hip_py_format_ok(const char *fmt, char kind)
{
    if (!fmt) return kind == 'b';
    if (*fmt == '@' || *fmt == '=' || *fmt == '<') {
        const unsigned one = 1;
        if (*fmt == '<' && !*(const unsigned char *)&one) return 0;   /* big-endian host */
        fmt++;
    }
    if (fmt[0] == '\0' || fmt[1] != '\0') return 0;
    switch (kind) {
    case 'f': return fmt[0] == 'f';
    case 'q': return fmt[0] == 'q' || (fmt[0] == 'l' && sizeof(long) == 8);
    case 'b': return fmt[0] == 'B' || fmt[0] == 'b' || fmt[0] == 'c';
    default: return 0;
    }
}

static const char *hip_py_kind_name(char kind)
{
    switch (kind) {
    case 'f': return "float32";
    case 'q': return "int64";
    case 'b': return "bytes";
    default: return "records";
    }
}

/* Gets a C-contiguous view of obj; returns 0 or -1 with a TypeError/BufferError set. */
static int hip_py_get_buffer(PyObject *obj, Py_buffer *view, int writable, char kind,
                             Py_ssize_t itemsize, const char *func, int argnum)
{
    int flags = PyBUF_C_CONTIGUOUS | (kind ? PyBUF_FORMAT : 0) | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_Format(PyExc_TypeError,
                     "%s, argument %d: expected a C-contiguous%s %s buffer (a numpy array), got %s",
                     func, argnum, writable ? " writable" : "", hip_py_kind_name(kind),
                     Py_TYPE(obj)->tp_name);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return -1;
    }
    int ok = kind ? (view->itemsize == itemsize && hip_py_format_ok(view->format, kind))
                  : view->itemsize == itemsize;
    if (!ok) {
        PyErr_Format(PyExc_TypeError,
                     "%s, argument %d: expected %s items of %zd bytes, got format '%s' of %zd bytes",
                     func, argnum, hip_py_kind_name(kind), itemsize,
                     view->format ? view->format : "B", view->itemsize);
        PyBuffer_Release(view);
        view->obj = NULL;
        return -1;
    }
    return 0;
}

%}

/* ---- the contract hiptrack.i expects ---------------------------------------------------------- */

%define HIP_STATUS_TYPE(TYPE, MESSAGE)
%typemap(out) TYPE {
    if ((int)$1 < 0) {
        hip_py_raise((int)$1, MESSAGE);
        SWIG_fail;
    }
    $result = PyLong_FromLong((long)$1);
}
%enddef

/* Every call: a pending error (constructor or adapter) becomes the exception. */
%exception {
    $action
    if (hip__bind_pending_status() != HIP_OK) { hip_py_raise_pending(); SWIG_fail; }
}

/* Long calls run without the GIL; their buffers stay exported (so not resizable) meanwhile. */
%define HIP_LONG_CALL(NAME)
%exception NAME {
    Py_BEGIN_ALLOW_THREADS
    $action
    Py_END_ALLOW_THREADS
    if (hip__bind_pending_status() != HIP_OK) { hip_py_raise_pending(); SWIG_fail; }
}
%enddef

%define HIP_PY_IN_ARRAY(CTYPE, KIND)
%typemap(in) (const CTYPE *IN_ARRAY, size_t IN_LEN) (Py_buffer view, int have_view = 0) {
    if (hip_py_get_buffer($input, &view, 0, KIND, (Py_ssize_t)sizeof(CTYPE), "$symname", $argnum) < 0)
        SWIG_fail;
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)(view.len / (Py_ssize_t)sizeof(CTYPE));
}
%typemap(freearg) (const CTYPE *IN_ARRAY, size_t IN_LEN) {
    if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_POINTER) (const CTYPE *IN_ARRAY, size_t IN_LEN) {
    $1 = PyObject_CheckBuffer($input);
}
%enddef

%define HIP_PY_OUT_ARRAY(CTYPE, KIND, ALLOW_NONE)
%typemap(in) (CTYPE *OUT_ARRAY, size_t OUT_CAP) (Py_buffer view, int have_view = 0) {
    if (ALLOW_NONE && $input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (hip_py_get_buffer($input, &view, 1, KIND, (Py_ssize_t)sizeof(CTYPE), "$symname", $argnum) < 0)
            SWIG_fail;
        have_view = 1;
        $1 = ($1_ltype)view.buf;
        $2 = (size_t)(view.len / (Py_ssize_t)sizeof(CTYPE));
    }
}
%typemap(freearg) (CTYPE *OUT_ARRAY, size_t OUT_CAP) {
    if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%enddef

HIP_PY_IN_ARRAY(float, 'f')
HIP_PY_IN_ARRAY(int64_t, 'q')
HIP_PY_OUT_ARRAY(float, 'f', 0)
HIP_PY_OUT_ARRAY(int64_t, 'q', 0)
HIP_PY_OUT_ARRAY(hip_rep_event, 0, 0)

/* Bytes in: bytes, bytearray, memoryview, a uint8 array. */
%define HIP_PY_IN_BYTES(CTYPE)
%typemap(in) (CTYPE *IN_BYTES, size_t IN_LEN) (Py_buffer view, int have_view = 0) {
    if (hip_py_get_buffer($input, &view, 0, 'b', 1, "$symname", $argnum) < 0) SWIG_fail;
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)view.len;
}
%typemap(freearg) (CTYPE *IN_BYTES, size_t IN_LEN) {
    if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%enddef
HIP_PY_IN_BYTES(const char)
HIP_PY_IN_BYTES(const void)

/* Bytes out: a writable buffer (bytearray), or None to ask the size (two-call pattern). */
%define HIP_PY_OUT_BYTES(CTYPE)
%typemap(in) (CTYPE *OUT_BYTES, size_t OUT_CAP) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (hip_py_get_buffer($input, &view, 1, 'b', 1, "$symname", $argnum) < 0) SWIG_fail;
        have_view = 1;
        $1 = ($1_ltype)view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (CTYPE *OUT_BYTES, size_t OUT_CAP) {
    if (have_view$argnum) PyBuffer_Release(&view$argnum);
}
%enddef
HIP_PY_OUT_BYTES(char)
HIP_PY_OUT_BYTES(void)

%include "hiptrack.i"

/* The exception object for a status, for the Python layer's calls that return a status instead of
 * raising (push_collect): the same mapping as every other call. */
%inline %{
static PyObject *hip_py_error(int status, const char *message)
{
    PyObject *type, *value, *tb;
    hip_py_raise(status, message);
    PyErr_Fetch(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    if (!value) { Py_INCREF(Py_None); return Py_None; }
    return value;
}
%}

%{
/* Raises the pending error left by a constructor or adapter (hiptrack.i defines the store). */
static void hip_py_raise_pending(void)
{
    char msg[320];
    hip_status s = hip__bind_take_error(msg, sizeof msg);
    hip_py_raise((int)s, msg);
}
%}
