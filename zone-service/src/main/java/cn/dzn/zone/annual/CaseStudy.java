package cn.dzn.zone.annual;

import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.zone.periods.Period;
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
        @BsonId String id,
        @NotBlank @Size(max = 64) String zoneId,
        @NotNull @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE) @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer year,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String summary,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> tags) {
}
