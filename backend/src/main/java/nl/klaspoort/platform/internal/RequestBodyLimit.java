package nl.klaspoort.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code klaspoort.http.max-body-size} (1 MB) with 413 before anything reads them: a
 * GraphQL request, a login or a token request is a few kilobytes, and a 50 MB variables object would otherwise be
 * parsed in full. A body announced as small but longer (chunked, or a false Content-Length) fails to read at the
 * limit (400).
 * File uploads (multipart) have their own limit ({@code spring.servlet.multipart.*}), and so do the POST endpoints a
 * module declares with an {@link nl.klaspoort.platform.OwnBodyLimit}.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long maxBytes;
    private final List<String> ownLimits;

    RequestBodyLimit(DataSize maxBodySize, List<String> ownLimits) {
        this.maxBytes = maxBodySize.toBytes();
        this.ownLimits = List.copyOf(ownLimits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return true;
        }
        if (!"POST".equals(request.getMethod()) || ownLimits.isEmpty()) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ownLimits.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        private void count(long n) throws IOException {
            if (n > 0 && (read += n) > maxBytes) {
                throw new IOException("request body longer than " + maxBytes + " bytes");
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        @Override public boolean isFinished() { return in.isFinished(); }

        @Override public boolean isReady() { return in.isReady(); }

        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
