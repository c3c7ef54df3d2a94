package cn.dzn.platform.identity;

import java.util.Set;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.regions.RegionCode;

/**
 * Who is calling: the API client or staff user, the region it is bound to and its roles.
 *
 * @param incubatorId the incubator an incubator's own key is bound to (issue 17), from the internal
 *                    token's {@value InternalTokens#INCUBATOR} claim; null for every other caller.
 *                    Only incubator-service serves such a caller: every other service refuses it
 *                    (403), whatever its region and roles say ({@code dzn.incubator-keys.accepted}).
 */
public record Caller(String clientId, RegionCode region, Set<Role> roles, String incubatorId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller bound to no incubator: a bureau's key, an administrator, a staff member. */
    public Caller(String clientId, RegionCode region, Set<Role> roles) {
        this(clientId, region, roles, null);
    }

    /** Whether this is an incubator's own key, which keeps its own incubator record and nothing else. */
    public boolean boundToIncubator() {
        return incubatorId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    public boolean canSee(String regionCode) {
        return region.contains(regionCode);
    }

    /** Refuses (403) a write the caller's roles or region do not allow. */
    public void requireWrite(String regionCode) {
        if (!has(Role.WRITE)) {
            throw Problems.forbidden("the client " + clientId + " may not write");
        }
        if (!canSee(regionCode)) {
            throw Problems.forbidden("region " + regionCode + " lies outside the caller's region " + region);
        }
    }

    /** Refuses (403) anyone but an administrator of {@code regionCode} or of a region containing it. */
    public void requireAdminOf(String regionCode) {
        if (!roles.contains(Role.ADMIN) || !canSee(regionCode)) {
            throw Problems.forbidden("only an administrator of " + regionCode + " or a region containing it may do this");
        }
    }

    public void requireAdmin() {
        if (!roles.contains(Role.ADMIN) || !region.equals(RegionCode.NATIONAL)) {
            throw Problems.forbidden("only a national administrator may do this");
        }
    }
}
