package cn.dzn.fund.agreements;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A mutual-recognition agreement (互通互认, seed 004 §五; the 创新券 of seed 003 §22): while it is in
 * force, a voucher issued inside one party's region is honoured by a provider inside another's.
 * It is recorded by a region containing every party (the province for two of its cities, the
 * nation across provinces), as a zone spanning regions is, and every party reads it.
 */
public record AgreementInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull @Size(min = 2, max = 20) List<@NotNull @Region @Size(max = 6) String> parties,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil,
        @Size(max = 2000) String note,
        Long version) {

    public AgreementInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }
}
