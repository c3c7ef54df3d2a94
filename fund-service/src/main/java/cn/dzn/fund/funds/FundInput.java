package cn.dzn.fund.funds;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A fund as a client sends it to {@code /api/funds}. Its size is not stated here: it is the sum
 * of its contributions ({@code /api/funds/contributions}), each a record of its own, and what it
 * holds is what has been received of them ({@code GET /api/funds/{id}/position}).
 *
 * @param regionCode GB/T 2260 code of the region that owns the fund
 * @param note       where the record comes from and what in it is unverified
 * @param version    the version read, named when the record is replaced
 */
public record FundInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotNull FundKind kind,
        @Size(max = 2000) String note,
        Long version) {

    public FundInput {
        version = null; // the kit reads it from the body; dropped so that equal content is equal
    }
}
