package cn.dzn.talent.brokers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/brokers/{id}/withdraw}: why the bureau ends the broker's membership. */
public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
}
