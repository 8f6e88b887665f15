package org.hiptrack;

/**
 * The common part of every handle class: owns one generated proxy, closes it once, and refuses
 * calls after close with a {@link HipException} ({@link Status#STATE}). No finalizer: close the
 * handle (try-with-resources); an unclosed handle's C memory lives until the process ends.
 */
abstract class NativeHandle<P extends AutoCloseable> implements AutoCloseable {
    private P proxy;
    private final String kind;

    NativeHandle(P proxy, String kind) {
        this.proxy = proxy;
        this.kind = kind;
    }

    /** The proxy, or a {@link HipException} (STATE) when closed. */
    final P proxy() {
        P p = proxy;
        if (p == null) throw new HipException(Status.STATE.value(), kind + " is closed");
        return p;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true after close
     */
    public final boolean isClosed() {
        return proxy == null;
    }

    /** Frees the native object. Closing twice is harmless; any other call after it throws. */
    @Override
    public void close() {
        P p = proxy;
        proxy = null;
        if (p != null) {
            try {
                p.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Throws the status as a HipException with this handle's last error, if negative. */
    static int check(int status, String message) {
        if (status < 0) throw new HipException(status, message == null || message.isEmpty()
                ? Status.fromValue(status).description() : message);
        return status;
    }
}
