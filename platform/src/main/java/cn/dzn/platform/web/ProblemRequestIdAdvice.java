package cn.dzn.platform.web;

import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the request id, and the W3C trace id the request runs under, to every problem+json Spring
 * MVC writes, whichever handler built it: what a client quotes when it reports the failure.
 */
@ControllerAdvice
public class ProblemRequestIdAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            if (RequestIdFilter.current() != null) {
                problem.setProperty("requestId", RequestIdFilter.current());
            }
            // Put there by Micrometer Tracing for the request's span (dzn-observability.yml).
            if (MDC.get("traceId") != null) {
                problem.setProperty("traceId", MDC.get("traceId"));
            }
        }
        return body;
    }
}
