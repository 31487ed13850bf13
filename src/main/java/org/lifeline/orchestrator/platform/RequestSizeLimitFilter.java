package org.lifeline.orchestrator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over a size limit with 413 before anything reads them, whether the size is
 * announced (Content-Length) or not (chunked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper json;

  RequestSizeLimitFilter(@Value("${lifeline.api.max-body-size:256KB}") DataSize maxBodySize, ObjectMapper json) {
    this.maxBytes = maxBodySize.toBytes();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/telegram/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(request, response);
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, maxBytes);
    try {
      chain.doFilter(limited, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!limited.exceeded || response.isCommitted()) {
        throw failure;
      }
      response.reset();
      refuse(request, response);
    }
    if (limited.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ProblemDetail problem = tooLarge(maxBytes);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  static ProblemDetail tooLarge(long maxBytes) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes");
  }

  /**
   * Reading a body without an announced size (chunked) went past the limit. Whoever reads it (a message converter)
   * fails with it as the cause, and {@link ApiExceptionHandler} answers 413 from it.
   */
  static final class BodyTooLargeException extends IOException {
    final long maxBytes;

    BodyTooLargeException(long maxBytes) {
      super("Request body over " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private boolean exceeded;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream original = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int next = original.read();
                if (next >= 0) {
                  count(1);
                }
                return next;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = original.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > maxBytes) {
                  exceeded = true;
                  throw new BodyTooLargeException(maxBytes);
                }
              }

              @Override
              public boolean isFinished() {
                return original.isFinished();
              }

              @Override
              public boolean isReady() {
                return original.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                original.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
