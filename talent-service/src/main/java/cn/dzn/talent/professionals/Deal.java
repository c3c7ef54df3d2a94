package cn.dzn.talent.professionals;

import java.time.LocalDate;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A deal the professional closed, named by its registered technology contract. */
public record Deal(
        @NotNull @Size(max = Formats.CONTRACT_NUMBER_LENGTH) @Pattern(regexp = Formats.CONTRACT_NUMBER, message = Formats.CONTRACT_NUMBER_MESSAGE) String contractNumber,
        @NotNull @PastOrPresent LocalDate closedOn) {
}
