package cn.dzn.platform.regions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.conversions.Bson;
import org.springframework.web.ErrorResponseException;

import com.mongodb.client.model.Filters;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;

/**
 * A non-empty list of region codes taken from a comma-separated request parameter such as
 * {@code ?regions=440100,440300} (a repeated parameter arrives comma-joined as well).
 * Duplicates are dropped, order is kept.
 */
public record RegionList(List<RegionCode> codes) {

    public RegionList {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a region list needs at least one region");
        }
    }

    /**
     * Parses {@code value}, the text of the request parameter {@code parameter}; a missing or
     * empty value, an empty entry, an invalid code or more than {@code max} entries is a 400
     * problem naming every bad entry.
     */
    public static RegionList parse(String parameter, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(parameter, List.of(parameter + " is required: one or more comma-separated region codes"));
        }
        String[] entries = value.split(",", -1);
        if (entries.length > max) {
            throw invalid(parameter, List.of("at most " + max + " region codes are allowed, got " + entries.length));
        }
        Set<RegionCode> codes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            String code = entry.strip();
            String problem = RegionCode.problemWith(code);
            if (code.isEmpty()) {
                problems.add("empty entry in the list");
            } else if (problem != null) {
                problems.add("'" + code + "' is not a region code: " + problem);
            } else {
                codes.add(new RegionCode(code));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(parameter, problems);
        }
        return new RegionList(List.copyOf(codes));
    }

    /** Records whose {@code field} (a code) lies inside at least one of the regions. */
    public Bson insideAny(String field) {
        if (codes.contains(RegionCode.NATIONAL)) {
            return Filters.empty();
        }
        if (codes.size() == 1) {
            return RegionFilters.inside(field, codes.get(0));
        }
        return Filters.or(codes.stream().map(code -> RegionFilters.inside(field, code)).toList());
    }

    private static ErrorResponseException invalid(String parameter, List<String> problems) {
        ErrorResponseException e = Problems.badRequest(parameter + ": " + String.join("; ", problems));
        e.getBody().setProperty("errors", problems.stream().map(p -> new FieldError(parameter, p)).toList());
        return e;
    }
}
