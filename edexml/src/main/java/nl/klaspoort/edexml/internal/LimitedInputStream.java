package nl.klaspoort.edexml.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses to read past a maximum number of bytes, so an upload cannot be larger than the limit however it is sent. */
public final class LimitedInputStream extends FilterInputStream {

    /** Thrown when the stream has more than the allowed number of bytes. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private long read;

    public LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLargeException {
        read += n;
        if (read > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
    }
}
