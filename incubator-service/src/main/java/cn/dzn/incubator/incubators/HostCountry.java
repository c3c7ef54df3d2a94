package cn.dzn.incubator.incubators;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.dzn.platform.errors.FieldError;

/**
 * The rule for an incubator's host country, one for a stored incubator and for a registration
 * (which becomes one): an overseas incubator names the country it operates in, any other names
 * none.
 */
public final class HostCountry {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private HostCountry() {
    }

    /**
     * Adds what is wrong with {@code hostCountry} and {@code hostCity} for an incubator of
     * {@code kind} to {@code errors}: the city abroad is optional, and only an overseas incubator
     * has one (seed 002 §28 names no cities; DOMAIN.md asks for the host country).
     */
    public static void check(IncubatorKind kind, String hostCountry, String hostCity, List<FieldError> errors) {
        check(kind, hostCountry, errors);
        if (hostCity != null && kind != IncubatorKind.OVERSEAS_INCUBATOR) {
            errors.add(new FieldError("hostCity", "only an overseas incubator has a host city"));
        } else if (hostCity != null && hostCity.isBlank()) {
            errors.add(new FieldError("hostCity", "names the city abroad, or is left out"));
        }
    }

    /** Adds what is wrong with {@code hostCountry} for an incubator of {@code kind} to {@code errors}. */
    public static void check(IncubatorKind kind, String hostCountry, List<FieldError> errors) {
        boolean overseas = kind == IncubatorKind.OVERSEAS_INCUBATOR;
        if (overseas && hostCountry == null) {
            errors.add(new FieldError("hostCountry", "an overseas incubator names the country it operates in"));
        } else if (!overseas && hostCountry != null) {
            errors.add(new FieldError("hostCountry", "only an overseas incubator has a host country"));
        } else if (overseas && !COUNTRIES.contains(hostCountry)) {
            errors.add(new FieldError("hostCountry", "'" + hostCountry + "' is not an ISO 3166-1 country"));
        } else if (overseas && "CN".equals(hostCountry)) {
            // Shenzhen plan §28 (seed 002): overseas incubators are built abroad, 在国际创新资源高度密集的国家.
            errors.add(new FieldError("hostCountry", "an overseas incubator operates outside China"));
        }
    }
}
