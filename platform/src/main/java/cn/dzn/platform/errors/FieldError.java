package cn.dzn.platform.errors;

import jakarta.validation.constraints.Size;

/** One entry of the {@code errors} list of a 400 problem; the sizes are what the documents state. */
public record FieldError(@Size(max = 200) String field, @Size(max = 1000) String message) {
}
