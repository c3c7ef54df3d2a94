package cn.dzn.zone.annual;

import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A typical experience of a zone, curated by national staff into the case collection (seed 004
 * §七: "发展报告制度…案例集"); the annual report of the zone and year selects its cases from here.
 */
public record CaseStudy(
        @BsonId @Size(max = CaseStudy.MAX_ID) String id,
        @NotBlank @Size(max = Zone.MAX_ID) String zoneId,
        @NotNull @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE) @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer year,
        @NotBlank @Size(max = CaseStudy.MAX_TITLE) String title,
        @NotBlank @Size(max = CaseStudy.MAX_SUMMARY) String summary,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> tags) {

    /** The service names a case (an ObjectId's 24 hex digits); an id a client sends is ignored. */
    public static final int MAX_ID = 24;
    /** The annual report's Markdown repeats title and summary: its length is bounded by these. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 5000;
}
