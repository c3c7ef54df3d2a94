package cn.dzn.talent.bases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A course of the base's curriculum, by code, and the day the trainee completed it. */
public record CompletedCourse(
        @NotNull @Size(max = Course.CODE_LENGTH) @Pattern(regexp = Course.CODE, message = Course.CODE_MESSAGE) String code,
        @NotNull @PastOrPresent LocalDate completedOn) {
}
