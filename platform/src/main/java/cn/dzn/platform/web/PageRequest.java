package cn.dzn.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.dzn.platform.errors.Problems;

/**
 * {@code ?limit=&after=} of a keyset-paged list. The cursor is opaque to clients: it is the
 * base64url form of the last id they saw, so a page costs one index seek at any depth.
 */
public record PageRequest(int limit, String afterId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** The longest cursor handed out: the base64url form of an id of at most 128 characters. */
    public static final int MAX_CURSOR = 200;

    public static PageRequest of(Integer limit, String after) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw Problems.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : decode(after));
    }

    public static String cursorAfter(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("'after' is not a cursor this service handed out");
        }
    }
}
