package cn.dzn.incubator.incubators;

import cn.dzn.platform.regions.Tier;

/**
 * The tier that recognised an incubator or maker space; none (null) until one has. Only a bureau
 * of that tier or above recognises (or withdraws) a level: a city cannot make an incubator
 * national (docs/decisions.md, issue 17).
 */
public enum IncubatorLevel {
    /** 国家级: recognised by MOST against the national thresholds (DOMAIN.md, Incubation). */
    NATIONAL(Tier.NATIONAL),
    /** 省级. */
    PROVINCIAL(Tier.PROVINCE),
    /** 市级. */
    MUNICIPAL(Tier.CITY);

    private final Tier recognisedBy;

    IncubatorLevel(Tier recognisedBy) {
        this.recognisedBy = recognisedBy;
    }

    /** The lowest tier that may recognise this level. */
    public Tier recognisedBy() {
        return recognisedBy;
    }
}
