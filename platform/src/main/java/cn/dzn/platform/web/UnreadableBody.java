package cn.dzn.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import cn.dzn.platform.errors.JsonProblems;
import cn.dzn.platform.regions.InvalidRegionCodeException;
import tools.jackson.core.JacksonException;

/** Says in one sentence why a request body could not be read, without leaking class names. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String explain(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRegionCodeException invalid) {
                return invalid.getMessage();
            }
        }
        if (!(ex.getCause() instanceof JacksonException jackson)) {
            return "the request body is missing or is not JSON";
        }
        return JsonProblems.explain(jackson);
    }
}
