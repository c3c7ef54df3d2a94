package cn.dzn.fund.funds;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.regions.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A fund as stored in {@code funds}, and what a client sends and reads at {@code /api/funds}.
 * Minimal for now: contributions by tier, investments and capacity checks come later. The
 * server chooses {@code id}, keeps {@code version} and {@code sample}: what a client sends in
 * them is not stored.
 *
 * @param regionCode GB/T 2260 code of the region that owns the fund
 * @param totalWan   the fund's size in 万元
 * @param sample     true for sample data, never for a real record
 * @param note       where the record comes from and what in it is unverified
 * @param version    the version read, named when the record is replaced
 */
public record Fund(
        @BsonId String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Region String regionCode,
        @NotNull FundKind kind,
        @NotNull @PositiveOrZero Long totalWan,
        Boolean sample,
        @Size(max = 2000) String note,
        Long version) {
}
