package cn.dzn.incubator.tenants;

import jakarta.validation.constraints.Size;

/**
 * How many tenants stand where, in the caller's view: of one incubator, of a region, or of all it
 * sees. A zone's are the overview's figures ({@code tenantsIncubating}, {@code tenantsGraduated} …
 * for its member cities, from {@code /internal/figures}).
 *
 * @param incubatorId the incubator counted, or null
 * @param regionCode  the region counted (the caller's own when none was asked), or null for one incubator
 */
public record TenantCounts(
        @Size(max = 64) String incubatorId,
        @Size(max = 6) String regionCode,
        long admitted,
        long incubating,
        long graduated,
        long exited,
        long total) {
}
