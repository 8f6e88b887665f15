package org.hiptrack.internal;

import java.nio.charset.StandardCharsets;
import org.hiptrack.HipException;
import org.hiptrack.Status;

/**
 * Strings to and from the library's UTF-8 (JNI's own string functions use "modified UTF-8", which
 * differs for supplementary characters and NUL). Used by the generated typemaps; not public API.
 */
public final class Utf8 {
    private Utf8() {}

    /** NUL-terminated UTF-8 bytes of s; null for null. A NUL inside s is refused. */
    public static byte[] encode(String s) {
        if (s == null) return null;
        if (s.indexOf('\0') >= 0)
            throw new HipException(Status.INVALID.value(), "text must not contain a NUL character");
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /** The String of UTF-8 bytes; null for null. */
    public static String decode(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
