package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;

/**
 * The library as a whole: its version, and the check that the JNI library ({@code
 * libhiptrack_jni}, loaded by {@code System.loadLibrary("hiptrack_jni")} on first use of any class)
 * is the one this jar was built for.
 */
public final class Hiptrack {
    private Hiptrack() {}

    /** The version of the headers this jar was generated from, "major.minor.patch". */
    public static final String JAR_VERSION = HiptrackNativeConstants.HIPTRACK_VERSION_STRING;

    /**
     * The version of the loaded native library.
     *
     * @return "0.1.0", ...
     */
    public static String version() {
        return HiptrackNative.hip_version_string();
    }

    /**
     * The native library's version as one ordered number (major * 10000 + minor * 100 + patch).
     *
     * @return the version number
     */
    public static int versionNumber() {
        return HiptrackNative.hip_version_number();
    }

    /**
     * Checks that the loaded native library is the version this jar was built from (an Android app
     * builds the jar and the per-ABI libraries separately).
     *
     * @throws HipException {@link Status#VERSION} when they differ
     */
    public static void checkVersion() {
        if (versionNumber() != HiptrackNativeConstants.HIPTRACK_VERSION_NUMBER)
            throw new HipException(Status.VERSION.value(), "libhiptrack_jni is version " + version()
                    + " but hiptrack.jar was built for " + JAR_VERSION);
    }
}
