package cn.dzn.zone.lists;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One entry of a list: the industry, what is sought (a demand) or offered as a setting (a
 * scenario), the budget in 万元 where one is stated, and the organisation to contact. Seed 004
 * names the lists but not their fields; these are ours.
 */
public record ListItem(
        @NotBlank @Size(max = ListItem.MAX_INDUSTRY) String industry,
        @NotBlank @Size(max = ListItem.MAX_DESCRIPTION) String description,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @NotBlank @Size(max = ListItem.MAX_CONTACT_ORG) String contactOrg) {

    /** A search hit repeats the item, and its filters match these fields: both state these limits. */
    public static final int MAX_INDUSTRY = 60;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CONTACT_ORG = 200;
}
