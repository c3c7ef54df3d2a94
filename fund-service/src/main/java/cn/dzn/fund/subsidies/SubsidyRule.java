package cn.dzn.fund.subsidies;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A subsidy rule as the catalogue lists it: the clause it comes from (quoted), its formula, its
 * caps, the inputs an application under it names and what makes two applications the same.
 */
public record SubsidyRule(
        @Schema(maxLength = 32) String id,
        @Schema(maxLength = 6) String regionCode,
        @Schema(maxLength = 200) String clause,
        @Schema(maxLength = 200) String document,
        @Schema(maxLength = 1000) String quote,
        @Schema(maxLength = 200) String title,
        @Schema(maxLength = 500) String formula,
        @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 500)) List<String> caps,
        @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 64)) List<String> inputs,
        @Schema(maxLength = 200) String sameApplication) {
}
