package cn.dzn.talent.professionals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many closed deals each level needs ({@code dzn.talent.levels}). No seed sets a number
 * (seed 004 §三 asks only for a skill-level system), so they are configuration.
 */
@ConfigurationProperties("dzn.talent.levels")
public record LevelProperties(@DefaultValue("3") int intermediateDeals, @DefaultValue("10") int seniorDeals) {

    public LevelProperties {
        if (intermediateDeals < 1 || seniorDeals < intermediateDeals) {
            throw new IllegalArgumentException("dzn.talent.levels: need 1 <= intermediate-deals <= senior-deals, got "
                    + intermediateDeals + " and " + seniorDeals);
        }
    }
}
