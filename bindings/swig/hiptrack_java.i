/* hiptrack_java.i: the Java side of the SWIG binding. It owns what is Java's alone:
 * - the single status-to-exception mapping (hip_java_throw: every negative status becomes an
 *   org.hiptrack.HipException carrying the status and the library's message),
 * - the array typemaps, over java.nio buffers: a direct buffer is read and written in place (no
 *   copy); a heap buffer (FloatBuffer.wrap(float[])) goes through Get<Type>ArrayElements,
 * - strings as real UTF-8 both ways (JNI's own string functions speak "modified UTF-8"), and
 *   fixed-size char array members that refuse text too long for them instead of truncating it,
 * - proxies without finalizers (the hand-written org.hiptrack layer closes them explicitly), and a
 *   closed proxy that throws instead of passing NULL to the library.
 * The generated classes go to org.hiptrack.internal (swig -package org.hiptrack.internal): the raw
 * C API, one class per C struct, C names. The public API is the hand-written package org.hiptrack
 * (bindings/java/src/main/java). */
%module HiptrackNative

/* C enums are plain Java ints in the generated layer; the public layer has real Java enums. */
%include "enumtypeunsafe.swg"

/* The version macros as compile-time Java constants: the jar remembers the header it was built
 * from, so that org.hiptrack.Hiptrack can refuse a JNI library of another version (the jar and the
 * per-ABI libraries of an Android app are built separately). Other constants are read from C. */
%javaconst(1) HIPTRACK_VERSION_MAJOR;
%javaconst(1) HIPTRACK_VERSION_MINOR;
%javaconst(1) HIPTRACK_VERSION_PATCH;
%javaconst(1) HIPTRACK_VERSION_STRING;
%javaconst(1) HIPTRACK_VERSION_NUMBER;

/* 64-bit integers are Java longs. The build passes -DSWIGWORDSIZE64 on LP64 targets so that
 * stdint.i's int64_t is C's long there (the casts in the wrapper then match the headers); Java's
 * own mapping of C long is int, hence the explicit apply. Java has no unsigned 64-bit type: a
 * uint64_t (the simulator's seed) is a long's bit pattern. */
%apply long long { int64_t, uint64_t };

/* Java's typemaps.i has no size_t *OUTPUT (hiptrack.i applies it): a long[1]. */
%include "typemaps.i"
%apply long long *OUTPUT { size_t *OUTPUT };
/* A status typemap throws without returning (so that freearg still runs): the outputs are then
 * left alone, since no JNI call but cleanup may follow a pending exception. */
%typemap(argout) int *OUTPUT {
    if (!(*jenv)->ExceptionCheck(jenv)) {
        jint jvalue = (jint)temp$argnum;
        (*jenv)->SetIntArrayRegion(jenv, $input, 0, 1, &jvalue);
    }
}
%typemap(argout) size_t *OUTPUT {
    if (!(*jenv)->ExceptionCheck(jenv)) {
        jlong jvalue = (jlong)temp$argnum;
        (*jenv)->SetLongArrayRegion(jenv, $input, 0, 1, &jvalue);
    }
}
%typemap(argout) unsigned int *OUTPUT {
    if (!(*jenv)->ExceptionCheck(jenv)) {
        jlong jvalue = (jlong)temp$argnum;
        (*jenv)->SetLongArrayRegion(jenv, $input, 0, 1, &jvalue);
    }
}
%typemap(argout) double *OUTPUT {
    if (!(*jenv)->ExceptionCheck(jenv)) {
        jdouble jvalue = (jdouble)temp$argnum;
        (*jenv)->SetDoubleArrayRegion(jenv, $input, 0, 1, &jvalue);
    }
}

/* The JNI library loads with the first use of any class, and must be the version the jar was
 * generated for (a jar and per-ABI libraries from different checkouts would disagree on layouts). */
%pragma(java) jniclasscode=%{
  static {
    System.loadLibrary("hiptrack_jni");
    int lib = hip_version_number();
    if (lib != HiptrackNativeConstants.HIPTRACK_VERSION_NUMBER)
      throw new UnsatisfiedLinkError("libhiptrack_jni is version " + lib / 10000 + "." + lib / 100 % 100
          + "." + lib % 100 + " but the jar was built for " + HiptrackNativeConstants.HIPTRACK_VERSION_STRING);
  }
%}

%{
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hiptrack/hip_status.h"

/* True when a Java exception is pending (then no other JNI call but cleanup may be made). */
static int hip_java_pending(JNIEnv *env) { return (*env)->ExceptionCheck(env) == JNI_TRUE; }

/* Classes and methods the wrapper calls, looked up once (a race only repeats the lookup). */
static jclass hip_java_utf8_class, hip_java_exception_class, hip_java_buffer_class;
static jmethodID hip_java_utf8_decode, hip_java_exception_ctor, hip_java_buffer_position,
    hip_java_buffer_limit, hip_java_buffer_has_array, hip_java_buffer_array,
    hip_java_buffer_array_offset;

static jclass hip_java_class(JNIEnv *env, jclass *cache, const char *name)
{
    if (!*cache) {
        jclass local = (*env)->FindClass(env, name);
        if (!local) return NULL;
        *cache = (jclass)(*env)->NewGlobalRef(env, local);
        (*env)->DeleteLocalRef(env, local);
    }
    return *cache;
}

static int hip_java_buffer_methods(JNIEnv *env)
{
    if (hip_java_buffer_array_offset) return 0;
    jclass cls = hip_java_class(env, &hip_java_buffer_class, "java/nio/Buffer");
    if (!cls) return -1;
    hip_java_buffer_position = (*env)->GetMethodID(env, cls, "position", "()I");
    hip_java_buffer_limit = (*env)->GetMethodID(env, cls, "limit", "()I");
    hip_java_buffer_has_array = (*env)->GetMethodID(env, cls, "hasArray", "()Z");
    hip_java_buffer_array = (*env)->GetMethodID(env, cls, "array", "()Ljava/lang/Object;");
    if (!hip_java_buffer_position || !hip_java_buffer_limit || !hip_java_buffer_has_array ||
        !hip_java_buffer_array)
        return -1;
    hip_java_buffer_array_offset = (*env)->GetMethodID(env, cls, "arrayOffset", "()I");
    return hip_java_buffer_array_offset ? 0 : -1;
}

/* A java.lang.String from len bytes of UTF-8 (NULL gives null). */
static jstring hip_java_string_n(JNIEnv *env, const char *text, size_t len)
{
    if (!text || hip_java_pending(env)) return NULL;
    jclass cls = hip_java_class(env, &hip_java_utf8_class, "org/hiptrack/internal/Utf8");
    if (!cls) return NULL;
    if (!hip_java_utf8_decode)
        hip_java_utf8_decode = (*env)->GetStaticMethodID(env, cls, "decode", "([B)Ljava/lang/String;");
    if (!hip_java_utf8_decode) return NULL;
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize)len);
    if (!bytes) return NULL;
    (*env)->SetByteArrayRegion(env, bytes, 0, (jsize)len, (const jbyte *)text);
    jstring s = (jstring)(*env)->CallStaticObjectMethod(env, cls, hip_java_utf8_decode, bytes);
    if (hip_java_pending(env)) s = NULL;
    (*env)->DeleteLocalRef(env, bytes);
    return s;
}

/* The bytes of a UTF-8 C string as a Java byte[] (NULL gives null); Utf8.decode makes the String. */
static jbyteArray hip_java_bytes(JNIEnv *env, const char *text, size_t len)
{
    if (!text || hip_java_pending(env)) return NULL;
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize)len);
    if (bytes) (*env)->SetByteArrayRegion(env, bytes, 0, (jsize)len, (const jbyte *)text);
    return bytes;
}

static size_t hip_java_strnlen(const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n]) n++;
    return n;
}

/* The one status-to-exception mapping: new org.hiptrack.HipException(status, message). A no-op
 * when an exception is already pending (the first failure wins). */
static void hip_java_throw(JNIEnv *env, int status, const char *message)
{
    if (hip_java_pending(env)) return;
    if (!message || !*message) message = hip_status_str((hip_status)status);
    jclass cls = hip_java_class(env, &hip_java_exception_class, "org/hiptrack/HipException");
    if (!cls) return;   /* NoClassDefFoundError is pending */
    if (!hip_java_exception_ctor)
        hip_java_exception_ctor = (*env)->GetMethodID(env, cls, "<init>", "(ILjava/lang/String;)V");
    if (!hip_java_exception_ctor) return;
    jstring jmsg = hip_java_string_n(env, message, strlen(message));
    if (!jmsg) return;
    jthrowable exc = (jthrowable)(*env)->NewObject(env, cls, hip_java_exception_ctor, (jint)status, jmsg);
    if (exc) (*env)->Throw(env, exc);
}

/* A view of a java.nio buffer from its position to its limit, in elements of elem_size bytes.
 * Direct buffers are used in place; heap buffers through their backing array (copied in and,
 * when writable, back out by the release). kind names the array type: 'f', 'j', 'i', 'd' or 'b'. */
typedef struct hip_java_view {
    void *ptr;
    size_t len;
    jarray array;
    void *elements;
    char kind;
    int writable;
    void *bounce;      /* an aligned copy of the records when the buffer's bytes are not aligned */
    void *target;      /* where the bounce copy goes back to (inside the buffer or its array) */
    size_t bounce_bytes;
} hip_java_view;

static void hip_java_view_release(JNIEnv *env, hip_java_view *v);

/* C records (kind 'b') need their alignment, but a ByteBuffer's bytes need not have it: a slice or
 * a position that is not a multiple of 8, or a byte[] whose elements ART hands out in place at a
 * 4-byte boundary. Such a view goes through an aligned heap copy (malloc's alignment suits every
 * record), copied back on release when writable. */
static int hip_java_view_align(JNIEnv *env, hip_java_view *v, size_t elem_size)
{
    if (v->kind != 'b' || elem_size < 2 || ((uintptr_t)v->ptr % sizeof(double)) == 0 || v->len == 0)
        return 0;
    v->bounce = malloc(v->len * elem_size);
    if (!v->bounce) {
        hip_java_throw(env, HIP_ERR_NOMEM, "out of memory for an aligned copy of the buffer");
        return -1;
    }
    v->bounce_bytes = v->len * elem_size;
    memcpy(v->bounce, v->ptr, v->bounce_bytes);
    v->target = v->ptr;
    v->ptr = v->bounce;
    return 0;
}

static int hip_java_view_acquire(JNIEnv *env, jobject buffer, size_t unit_size, size_t elem_size,
                                 char kind, int writable, int allow_null, hip_java_view *v)
{
    memset(v, 0, sizeof *v);
    v->kind = kind;
    v->writable = writable;
    if (!buffer) {
        if (allow_null) return 0;
        hip_java_throw(env, HIP_ERR_INVALID, "buffer must not be null");
        return -1;
    }
    if (hip_java_buffer_methods(env) != 0) return -1;
    jint pos = (*env)->CallIntMethod(env, buffer, hip_java_buffer_position);
    if (hip_java_pending(env)) return -1;
    jint lim = (*env)->CallIntMethod(env, buffer, hip_java_buffer_limit);
    if (hip_java_pending(env)) return -1;
    size_t bytes = (size_t)(lim - pos) * unit_size;
    v->len = bytes / elem_size;
    unsigned char *base = (unsigned char *)(*env)->GetDirectBufferAddress(env, buffer);
    if (base) {
        v->ptr = base + (size_t)pos * unit_size;
        return hip_java_view_align(env, v, elem_size);
    }
    jboolean has = (*env)->CallBooleanMethod(env, buffer, hip_java_buffer_has_array);
    if (hip_java_pending(env)) return -1;
    if (!has) {
        hip_java_throw(env, HIP_ERR_INVALID,
                       "expected a direct buffer or a writable one backed by an array");
        return -1;
    }
    jint off = (*env)->CallIntMethod(env, buffer, hip_java_buffer_array_offset);
    if (hip_java_pending(env)) return -1;
    v->array = (jarray)(*env)->CallObjectMethod(env, buffer, hip_java_buffer_array);
    if (hip_java_pending(env) || !v->array) return -1;
    switch (kind) {
    case 'f': v->elements = (*env)->GetFloatArrayElements(env, (jfloatArray)v->array, NULL); break;
    case 'j': v->elements = (*env)->GetLongArrayElements(env, (jlongArray)v->array, NULL); break;
    case 'i': v->elements = (*env)->GetIntArrayElements(env, (jintArray)v->array, NULL); break;
    case 'd': v->elements = (*env)->GetDoubleArrayElements(env, (jdoubleArray)v->array, NULL); break;
    default: v->elements = (*env)->GetByteArrayElements(env, (jbyteArray)v->array, NULL); break;
    }
    if (!v->elements) return -1;   /* OutOfMemoryError is pending */
    v->ptr = (unsigned char *)v->elements + (size_t)(off + pos) * unit_size;
    if (hip_java_view_align(env, v, elem_size) != 0) {
        hip_java_view_release(env, v);
        return -1;
    }
    return 0;
}

static void hip_java_view_release(JNIEnv *env, hip_java_view *v)
{
    if (v->bounce) {
        if (v->writable) memcpy(v->target, v->bounce, v->bounce_bytes);
        free(v->bounce);
        v->bounce = NULL;
    }
    if (!v->elements) return;
    jint mode = v->writable ? 0 : JNI_ABORT;
    switch (v->kind) {
    case 'f': (*env)->ReleaseFloatArrayElements(env, (jfloatArray)v->array, (jfloat *)v->elements, mode); break;
    case 'j': (*env)->ReleaseLongArrayElements(env, (jlongArray)v->array, (jlong *)v->elements, mode); break;
    case 'i': (*env)->ReleaseIntArrayElements(env, (jintArray)v->array, (jint *)v->elements, mode); break;
    case 'd': (*env)->ReleaseDoubleArrayElements(env, (jdoubleArray)v->array, (jdouble *)v->elements, mode); break;
    default: (*env)->ReleaseByteArrayElements(env, (jbyteArray)v->array, (jbyte *)v->elements, mode); break;
    }
    v->elements = NULL;
}
%}

/* ---- the contract hiptrack.i expects ---------------------------------------------------------- */

/* A negative status throws. No early return: the freearg typemaps still release the arrays. */
%define HIP_STATUS_TYPE(TYPE, MESSAGE)
%typemap(out) TYPE {
    if ((int)$1 < 0) hip_java_throw(jenv, (int)$1, MESSAGE);
    $result = (jint)$1;
}
%enddef

/* Every call: a pending error (constructor or adapter) becomes the exception. */
%exception {
    $action
    if (hip__bind_pending_status() != HIP_OK) hip_java_throw_pending(jenv);
}

/* No interpreter lock to release: long calls are ordinary calls. */
%define HIP_LONG_CALL(NAME)
%enddef

/* A closed (deleted) proxy passes NULL as self: refuse it instead of handing it to the library. */
%typemap(check) SWIGTYPE *self %{
    if (!$1) {
        hip_java_throw(jenv, HIP_ERR_STATE, "the object is closed");
        return $null;
    }
%}

/* ---- proxies: no finalizers; AutoCloseable ---------------------------------------------------- */
%typemap(javafinalize) SWIGTYPE ""
%typemap(javainterfaces) SWIGTYPE "AutoCloseable"
%typemap(javacode) SWIGTYPE %{
  /** Frees the C object (idempotent); the proxy then refuses every call. */
  @Override
  public void close() {
    delete();
  }
%}

/* ---- strings: UTF-8 both ways ----------------------------------------------------------------- */
%define HIP_JAVA_TEXT_IN(CTYPE)
%typemap(jni) CTYPE "jbyteArray"
%typemap(jtype) CTYPE "byte[]"
%typemap(jstype) CTYPE "String"
%typemap(javain) CTYPE "org.hiptrack.internal.Utf8.encode($javainput)"
%typemap(javaout) CTYPE {
    return org.hiptrack.internal.Utf8.decode($jnicall);
  }
/* Utf8.encode gives NUL-terminated bytes (null stays null). */
%typemap(in) CTYPE (jbyte *bytes = NULL) {
    $1 = NULL;
    if ($input) {
        bytes = (*jenv)->GetByteArrayElements(jenv, $input, NULL);
        if (!bytes) return $null;
        $1 = ($1_ltype)bytes;
    }
}
%typemap(freearg) CTYPE {
    if (bytes$argnum) (*jenv)->ReleaseByteArrayElements(jenv, $input, bytes$argnum, JNI_ABORT);
}
%enddef
HIP_JAVA_TEXT_IN(const char *)
HIP_JAVA_TEXT_IN(char [ANY])
%typemap(out) const char * {
    $result = $1 ? hip_java_bytes(jenv, $1, strlen($1)) : NULL;
}
%typemap(out) char [ANY] {
    $result = hip_java_bytes(jenv, $1, hip_java_strnlen($1, $1_dim0));
}
/* A struct's char array member: text that does not fit is refused, never cut. */
%typemap(memberin) char [ANY] {
    if (!$input) {
        $1[0] = '\0';
    } else {
        size_t n = strlen((const char *)$input);
        if (n >= sizeof($1)) {
            char msg[96];
            snprintf(msg, sizeof msg, "text of %lu bytes does not fit (at most %lu bytes of UTF-8)",
                     (unsigned long)n, (unsigned long)(sizeof($1) - 1));
            hip_java_throw(jenv, HIP_ERR_RANGE, msg);
        } else {
            memcpy($1, $input, n + 1);
        }
    }
}

/* ---- arrays over java.nio buffers ------------------------------------------------------------- */
/* IN_ARRAY / OUT_ARRAY: JBUF (FloatBuffer, LongBuffer, ByteBuffer for records) from position to
 * limit; BufferViews.check refuses a direct buffer not in native byte order and a read-only one
 * where the library writes. */
%define HIP_JAVA_IN_ARRAY(CTYPE, JBUF, UNIT, KIND)
%typemap(jni) (const CTYPE *IN_ARRAY, size_t IN_LEN) "jobject"
%typemap(jtype) (const CTYPE *IN_ARRAY, size_t IN_LEN) "JBUF"
%typemap(jstype) (const CTYPE *IN_ARRAY, size_t IN_LEN) "JBUF"
%typemap(javain) (const CTYPE *IN_ARRAY, size_t IN_LEN) "org.hiptrack.internal.BufferViews.check($javainput, false)"
%typemap(in) (const CTYPE *IN_ARRAY, size_t IN_LEN) (hip_java_view view) {
    if (hip_java_view_acquire(jenv, $input, UNIT, sizeof(CTYPE), KIND, 0, 0, &view) != 0) return $null;
    $1 = (CTYPE *)view.ptr;
    $2 = view.len;
}
%typemap(freearg) (const CTYPE *IN_ARRAY, size_t IN_LEN) { hip_java_view_release(jenv, &view$argnum); }
%enddef

%define HIP_JAVA_OUT_ARRAY(CTYPE, JBUF, UNIT, KIND)
%typemap(jni) (CTYPE *OUT_ARRAY, size_t OUT_CAP) "jobject"
%typemap(jtype) (CTYPE *OUT_ARRAY, size_t OUT_CAP) "JBUF"
%typemap(jstype) (CTYPE *OUT_ARRAY, size_t OUT_CAP) "JBUF"
%typemap(javain) (CTYPE *OUT_ARRAY, size_t OUT_CAP) "org.hiptrack.internal.BufferViews.check($javainput, true)"
%typemap(in) (CTYPE *OUT_ARRAY, size_t OUT_CAP) (hip_java_view view) {
    if (hip_java_view_acquire(jenv, $input, UNIT, sizeof(CTYPE), KIND, 1, 0, &view) != 0) return $null;
    $1 = (CTYPE *)view.ptr;
    $2 = view.len;
}
%typemap(freearg) (CTYPE *OUT_ARRAY, size_t OUT_CAP) { hip_java_view_release(jenv, &view$argnum); }
%enddef

HIP_JAVA_IN_ARRAY(float, java.nio.FloatBuffer, 4, 'f')
HIP_JAVA_IN_ARRAY(int64_t, java.nio.LongBuffer, 8, 'j')
HIP_JAVA_OUT_ARRAY(float, java.nio.FloatBuffer, 4, 'f')
HIP_JAVA_OUT_ARRAY(int64_t, java.nio.LongBuffer, 8, 'j')
/* Not used by hiptrack.i yet; ready for the modules being added (day lists, daily pain scores). */
HIP_JAVA_IN_ARRAY(int32_t, java.nio.IntBuffer, 4, 'i')
HIP_JAVA_IN_ARRAY(double, java.nio.DoubleBuffer, 8, 'd')
HIP_JAVA_OUT_ARRAY(int32_t, java.nio.IntBuffer, 4, 'i')
HIP_JAVA_OUT_ARRAY(double, java.nio.DoubleBuffer, 8, 'd')
/* An array of C records (hip_rep_event) in a ByteBuffer; hiptrack.i exports their offsets. */
HIP_JAVA_OUT_ARRAY(hip_rep_event, java.nio.ByteBuffer, 1, 'b')

/* Bytes in and out: byte[]; null for OUT_BYTES asks the size (two-call pattern). */
%define HIP_JAVA_BYTES(CTYPE, PATTERN, ARG2, WRITABLE)
%typemap(jni) (CTYPE *PATTERN, size_t ARG2) "jbyteArray"
%typemap(jtype) (CTYPE *PATTERN, size_t ARG2) "byte[]"
%typemap(jstype) (CTYPE *PATTERN, size_t ARG2) "byte[]"
%typemap(javain) (CTYPE *PATTERN, size_t ARG2) "$javainput"
%typemap(in) (CTYPE *PATTERN, size_t ARG2) (jbyte *bytes = NULL) {
    $1 = NULL;
    $2 = 0;
    if ($input) {
        bytes = (*jenv)->GetByteArrayElements(jenv, $input, NULL);
        if (!bytes) return $null;
        $1 = ($1_ltype)bytes;
        $2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
    } else if (!WRITABLE) {
        hip_java_throw(jenv, HIP_ERR_INVALID, "bytes must not be null");
        return $null;
    }
}
%typemap(freearg) (CTYPE *PATTERN, size_t ARG2) {
    if (bytes$argnum)
        (*jenv)->ReleaseByteArrayElements(jenv, $input, bytes$argnum, WRITABLE ? 0 : JNI_ABORT);
}
%enddef
HIP_JAVA_BYTES(const char, IN_BYTES, IN_LEN, 0)
HIP_JAVA_BYTES(const void, IN_BYTES, IN_LEN, 0)
HIP_JAVA_BYTES(char, OUT_BYTES, OUT_CAP, 1)
HIP_JAVA_BYTES(void, OUT_BYTES, OUT_CAP, 1)

%include "hiptrack.i"

%{
/* Throws the pending error left by a constructor or adapter (hiptrack.i defines the store). */
static void hip_java_throw_pending(JNIEnv *env)
{
    char msg[320];
    hip_status s = hip__bind_take_error(msg, sizeof msg);
    hip_java_throw(env, (int)s, msg);
}
%}
