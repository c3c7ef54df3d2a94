package cn.dzn.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed body crossed the limit; a ResponseStatusException so every error path answers 413. */
class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, RequestBodyGuard.message(maxBytes));
    }
}
