package cn.dzn.talent.bases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One course of a base's curriculum; {@code code} is unique within the base and names it in completions. */
public record Course(
        @NotNull @Size(max = Course.CODE_LENGTH) @Pattern(regexp = Course.CODE, message = Course.CODE_MESSAGE) String code,
        @NotBlank @Size(max = 200) String title,
        @NotNull Module module,
        @Min(1) @Max(1000) Integer hours) {

    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}";
    public static final int CODE_LENGTH = 32;
    public static final String CODE_MESSAGE = "must be 1 to 32 letters, digits, '_' or '-'";
}
