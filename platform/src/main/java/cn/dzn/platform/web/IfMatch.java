package cn.dzn.platform.web;

import cn.dzn.platform.errors.Problems;

/** The version a client read, from an {@code If-Match: "3"} header (weak tags accepted too). */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by the header, or by the body when there is no header; 428 if neither. */
    public static long version(String header, Long bodyVersion) {
        if (header == null || header.isBlank()) {
            if (bodyVersion == null) {
                throw Problems.of(org.springframework.http.HttpStatus.PRECONDITION_REQUIRED, "version-required",
                        "name the version you read in If-Match or in the body's 'version'");
            }
            return bodyVersion;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw Problems.badRequest("If-Match must carry a version such as \"3\"");
        }
    }
}
