package cn.dzn.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two duties around request bodies, for routed paths and /api/clients alike.
 * <ul>
 * <li>Refuses bodies over the limit with a 413 problem. Unlike the gateway's RequestSize filter
 * (Content-Length only, empty answer) it also stops a chunked body, counting bytes as they pass.</li>
 * <li>When the answer goes out before the body was read (401, 403, 413, a service answering
 * early), it closes the connection after the answer, one of the two ways RFC 9112 section 9.3
 * allows (the other being to read the rest). Reactor Netty 1.3.6 drops the unread rest itself, but
 * a client that reused such a connection was seen to hang now and then; closing costs one
 * reconnect after an error. A client still sending when the connection closes may see a reset
 * instead of the answer, so large uploads should use {@code Expect: 100-continue}.</li>
 * </ul>
 */
@Component
class RequestBodyGuard implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestBodyGuard(@Value("${dzn.max-body-size:2MB}") DataSize maxSize, ProblemResponses problems) {
        this.maxBytes = maxSize.toBytes();
        this.problems = problems;
    }

    static String message(long maxBytes) {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        if (request.getHeaders().getContentLength() > maxBytes) {
            closeAfterAnswer(response);
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", message(maxBytes));
        }
        if (!hasBody(request)) {
            return chain.filter(exchange);
        }
        Guarded guarded = new Guarded(request, maxBytes);
        response.beforeCommit(() -> {
            if (!guarded.fullyRead) {
                closeAfterAnswer(response);
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(guarded).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** HTTP/1.1 framing: the server does not speak HTTP/2, where neither header need be present. */
    private static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Called before the answer is committed (isCommitted() already holds inside beforeCommit). */
    private static void closeAfterAnswer(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
    }

    /** The request with its body counted against the limit and its end noted. */
    private static final class Guarded extends ServerHttpRequestDecorator {

        private final long maxBytes;
        private volatile boolean fullyRead;

        Guarded(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLargeException(maxBytes);
                    }
                    return buffer;
                }).doOnComplete(() -> fullyRead = true);
            });
        }
    }
}
