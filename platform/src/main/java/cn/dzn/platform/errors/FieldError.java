package cn.dzn.platform.errors;

/** One entry of the {@code errors} list of a 400 problem. */
public record FieldError(String field, String message) {
}
