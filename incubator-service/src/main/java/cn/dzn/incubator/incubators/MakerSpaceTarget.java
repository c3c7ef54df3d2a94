package cn.dzn.incubator.incubators;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;

import org.bson.conversions.Bson;

import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import jakarta.validation.constraints.Size;

/**
 * Shenzhen's target of 200 new maker spaces by 2020 (seed 002, 深府办〔2016〕30号: §一 "新增支撑实体经济发展的众创空间
 * 200 个", §18 "到 2020 年，全市新增 200 个众创空间", and row 18 of its task table, "2020 年 12 月底前完成"):
 * the maker spaces in Shenzhen (4403xx) that started operating on or after the plan's date, 5 October
 * 2016, and have not closed. Read at {@code GET /api/incubators/targets/shenzhen-maker-spaces}; the
 * overview's figure {@value #FIGURE} counts the same records inside the regions it asks for.
 *
 * @param counted    new maker spaces so far
 * @param byDeadline of which started operating by the deadline
 * @param remaining  still to reach the target (0 once reached)
 */
public record MakerSpaceTarget(
        @Size(max = 6) String regionCode,
        @Size(max = 200) String source,
        long target,
        LocalDate since,
        LocalDate deadline,
        long counted,
        long byDeadline,
        long remaining,
        boolean reached) {

    public static final String FIGURE = "newMakerSpacesShenzhen";
    static final RegionCode SHENZHEN = RegionCode.of("440300");
    static final long TARGET = 200;
    /** The day the plan was signed (seed 002: 市政府办公厅 2016年10月5日). */
    static final LocalDate SINCE = LocalDate.of(2016, 10, 5);
    /** Row 18 of the plan's task table: 2020 年 12 月底前完成. */
    static final LocalDate DEADLINE = LocalDate.of(2020, 12, 31);
    static final String SOURCE = "seed 002 (深府办〔2016〕30号) §一 and §18; task table row 18";

    /** Operating maker spaces in Shenzhen that started on or after the plan's date. */
    static Bson newMakerSpaces() {
        return and(eq("kind", IncubatorKind.MAKER_SPACE.name()), RegionFilters.inside("regionCode", SHENZHEN),
                gte("operatingSince", SINCE), or(exists("closedOn", false), eq("closedOn", null)));
    }

    static Bson byTheDeadline() {
        return and(newMakerSpaces(), lte("operatingSince", DEADLINE));
    }

    static MakerSpaceTarget of(long counted, long byDeadline) {
        return new MakerSpaceTarget(SHENZHEN.code(), SOURCE, TARGET, SINCE, DEADLINE, counted, byDeadline,
                Math.max(0, TARGET - counted), counted >= TARGET);
    }
}
