package cn.dzn.platform.web;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.AdministratorsOnly;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;

/**
 * Judges who may send a body before the body is read (issue 14): a read-only client, or a
 * non-administrator calling an {@link AdministratorsOnly} handler, gets 403 whatever it sent,
 * never a validation answer that would tell it how to shape a request it may not make.
 * Requests without a caller (the declared public ones) are left to their handler.
 */
@ControllerAdvice
class PermissionBeforeBody extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        // A handler taking the raw bytes (the resource kit's) parses them itself, after its own
        // checks: a record the caller cannot see is 404 to every caller, read-only ones included.
        return parameter.getParameterType() != byte[].class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return input;
        }
        AdministratorsOnly administrators = parameter.getMethodAnnotation(AdministratorsOnly.class);
        if (administrators != null && administrators.national()) {
            caller.requireAdmin();
        } else if (administrators != null && !caller.roles().contains(Role.ADMIN)) {
            throw Problems.forbidden("only an administrator may do this");
        } else if (!caller.has(Role.WRITE)) {
            throw Problems.forbidden("the client " + caller.clientId() + " may only read");
        }
        return input;
    }
}
