package org.hiptrack;

import java.nio.charset.StandardCharsets;

/** Helpers of the value classes' conversions. */
final class Values {
    private Values() {}

    static <T> T nonNull(T value, String field) {
        if (value == null) throw new HipException(Status.INVALID.value(), field + " must not be null");
        return value;
    }

    static long u32(int value) {
        return value & 0xffffffffL;
    }

    /** Two-call export: asks the length, then fills a buffer of length + 1. */
    interface Exporter {
        int export(byte[] buf, long[] lenOut);
    }

    static String exportText(Exporter exporter) {
        long[] len = new long[1];
        exporter.export(null, len);
        byte[] buf = new byte[(int) len[0] + 1];
        exporter.export(buf, len);
        return new String(buf, 0, (int) len[0], StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text, String what) {
        return nonNull(text, what).getBytes(StandardCharsets.UTF_8);
    }
}
