package cn.dzn.zone.overview;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.dzn.platform.web.RequestIdFilter;

/**
 * The figures contract fund, talent and incubator services all serve (docs/decisions.md).
 * The caller's token, the request id and the trace are passed explicitly: the call runs on another thread,
 * where neither the request's security context nor its logging context exists.
 */
public interface FiguresApi {

    /** W3C trace context: the called service's spans join the caller's trace. */
    String TRACEPARENT = "traceparent";

    @GetMapping("/internal/figures")
    ServiceFigures figures(@RequestParam("regions") String regions,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(RequestIdFilter.HEADER) String requestId,
            @RequestHeader(value = TRACEPARENT, required = false) String traceparent);
}
