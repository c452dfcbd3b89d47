package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

@Tag("unit")
class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1024;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            DataSize.ofBytes(LIMIT),
            new ProblemSecurityHandlers(JsonMapper.builder().build()));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void refusesDeclaredLengthAboveTheLimitWithoutReadingTheBody() throws Exception {
        var request = apiRequest(LIMIT + 1);
        var chain = new RecordingChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.reached()).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("exceeds " + LIMIT + " bytes");
    }

    @Test
    void passesBodyOfExactlyTheLimit() throws Exception {
        var chain = new RecordingChain();

        filter.doFilter(apiRequest(LIMIT), response, chain);

        assertThat(chain.read()).isEqualTo(LIMIT);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void stopsReadingABodyOfUndeclaredLengthAsSoonAsItPassesTheLimit() {
        // Chunked: no Content-Length to refuse up front.
        HttpServletRequest chunked = new HttpServletRequestWrapper(apiRequest(LIMIT * 10)) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        var chain = new RecordingChain();

        assertThatThrownBy(() -> filter.doFilter(chunked, response, chain))
                .isInstanceOf(RequestBodyLimitFilter.TooLargeException.class)
                .satisfies(e -> assertThat(((RequestBodyLimitFilter.TooLargeException) e)
                                .problem()
                                .getStatus())
                        .isEqualTo(413));
        assertThat(chain.readBeforeRefusal).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void leavesTheWebhookEndpointToItsOwnLimit() throws Exception {
        var request = apiRequest(LIMIT * 10);
        request.setRequestURI("/webhooks/shopify");
        var chain = new RecordingChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.read()).isEqualTo(LIMIT * 10);
    }

    private static MockHttpServletRequest apiRequest(int bodySize) {
        var request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent(new byte[bodySize]);
        return request;
    }

    /** Reads the whole body as a message converter would, in buffers. */
    private static final class RecordingChain implements FilterChain {

        private int readBeforeRefusal;
        private boolean reached;
        private int read = -1;

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                throws IOException {
            reached = true;
            var in = request.getInputStream();
            byte[] buffer = new byte[100];
            int total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                readBeforeRefusal = total;
            }
            read = total;
        }

        boolean reached() {
            return reached;
        }

        int read() {
            return read;
        }
    }
}
