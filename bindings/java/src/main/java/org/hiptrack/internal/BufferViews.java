package org.hiptrack.internal;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.hiptrack.HipException;
import org.hiptrack.Status;

/**
 * Checks a buffer before the native code views it in place: a direct buffer must be in the
 * platform's byte order, a heap buffer must expose its array, and a buffer the library writes must
 * not be read-only. Used by the generated typemaps; not public API.
 */
public final class BufferViews {
    private BufferViews() {}

    public static <B extends Buffer> B check(B buffer, boolean writable) {
        if (buffer == null) return null;
        if (writable && buffer.isReadOnly())
            throw new HipException(Status.INVALID.value(), "the buffer is read-only");
        if (buffer.isDirect()) {
            if (order(buffer) != ByteOrder.nativeOrder())
                throw new HipException(Status.INVALID.value(),
                        "a direct buffer must use the native byte order (ByteBuffer.order(ByteOrder.nativeOrder()))");
        } else if (!buffer.hasArray()) {
            throw new HipException(Status.INVALID.value(),
                    "expected a direct buffer or one backed by an accessible array");
        }
        return buffer;
    }

    private static ByteOrder order(Buffer b) {
        if (b instanceof FloatBuffer) return ((FloatBuffer) b).order();
        if (b instanceof LongBuffer) return ((LongBuffer) b).order();
        if (b instanceof ByteBuffer) return ((ByteBuffer) b).order();
        if (b instanceof IntBuffer) return ((IntBuffer) b).order();
        if (b instanceof DoubleBuffer) return ((DoubleBuffer) b).order();
        return ByteOrder.nativeOrder();
    }
}
