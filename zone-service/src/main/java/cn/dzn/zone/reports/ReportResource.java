package cn.dzn.zone.reports;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Indicator reports as a resource of the kit (docs/sync.md), served at {@code /api/reports}
 * under their natural key {@code zoneId.regionCode.period}: one per zone, member city and period, owned by the
 * city (its bureau, or its province for it, reports; the tier above verifies). What a report may
 * say is checked here for the API and sync alike; who may move it where, in {@link #checkChange}.
 */
@Configuration
class ReportResource extends ResourceDeclaration<ReportInput, Report> {

    private final ZoneService zones;
    private final ReportValues values;
    private final Clock clock;

    ReportResource(ZoneService zones, IndicatorCatalog indicators, Clock clock) {
        super("/api/reports", "reports", ReportInput.class, Report.class, ReportInput::regionCode);
        this.zones = zones;
        this.values = new ReportValues(indicators);
        this.clock = clock;
    }

    @Bean
    RecordStore<ReportInput, Report> reportStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public String naturalId(ReportInput input) {
        if (input.zoneId() == null || input.regionCode() == null || input.period() == null) {
            return null;
        }
        return input.zoneId() + "." + input.regionCode() + "." + input.period();
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("zoneId"), ListFilter.of("period"), ListFilter.of("status", ReportStatus.class));
    }

    /** Why a report goes back to its city. */
    record ReturnRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("submit", null, "The reporting side submits a DRAFT or RETURNED report"),
                new Transition("verify", null, "The tier above verifies a SUBMITTED report; final"),
                new Transition("return", ReturnRequest.class,
                        "The tier above returns a SUBMITTED report to its city, saying why"));
    }

    /**
     * Submit by the reporting side; verify and return by the tier above only (403 for anyone
     * else), each from the state it starts from (409 otherwise).
     */
    @Override
    public ReportInput transition(Caller caller, String name, Report report, Object body) {
        ReportStatus to = switch (name) {
            case "submit" -> ReportStatus.SUBMITTED;
            case "verify" -> ReportStatus.VERIFIED;
            default -> ReportStatus.RETURNED;
        };
        boolean byTierAbove = to != ReportStatus.SUBMITTED;
        if (byTierAbove && !isTierAbove(caller, report.regionCode())) {
            throw Problems.forbidden("only the tier above " + report.regionCode() + " marks its report " + to);
        }
        boolean allowed = byTierAbove ? report.status() == ReportStatus.SUBMITTED
                : report.status() == ReportStatus.DRAFT || report.status() == ReportStatus.RETURNED;
        if (!allowed) {
            throw Problems.of(HttpStatus.CONFLICT, "report-state", "the report is " + report.status()
                    + "; it cannot become " + to);
        }
        String reason = body instanceof ReturnRequest returned ? returned.reason() : null;
        return new ReportInput(report.zoneId(), report.regionCode(), report.period(), to, report.values(),
                report.note(), reason, null);
    }

    @Override
    public void check(ReportInput input, List<FieldError> errors) {
        Period.checkStarted(input.period(), clock, errors);
        values.check(input.values(), errors);
        boolean returned = input.status() == ReportStatus.RETURNED;
        if (returned == (input.returnReason() == null || input.returnReason().isBlank())) {
            errors.add(new FieldError("returnReason", returned ? "says why the report is returned; required"
                    : "belongs to a returned report only"));
        }
    }

    @Override
    public void checkReferences(ReportInput input, List<FieldError> errors) {
        Zone zone = zones.lookup(input.zoneId()).orElse(null);
        if (zone == null) {
            errors.add(new FieldError("zoneId", "no zone " + input.zoneId()));
        } else if (!zone.memberCities().contains(input.regionCode())) {
            errors.add(new FieldError("regionCode", input.regionCode() + " is not a member city of " + input.zoneId()));
        }
    }

    /**
     * The state machine: the reporting side moves a report between DRAFT and SUBMITTED (and
     * edits it while it is a draft or returned); only the tier above moves a SUBMITTED report to
     * VERIFIED or RETURNED, without changing what it says. A verified report is final. Sending a
     * report exactly as stored is always allowed: it changes nothing.
     */
    @Override
    public void checkChange(Caller caller, ReportInput stored, ReportInput input, List<FieldError> errors) {
        if (input != null && stored != null && sameReport(stored, input, true)) {
            return;
        }
        ReportStatus from = stored == null ? null : stored.status();
        if (input == null) {
            if (from == ReportStatus.SUBMITTED || from == ReportStatus.VERIFIED) {
                errors.add(new FieldError("", "a " + from + " report cannot be deleted"));
            }
            return;
        }
        ReportStatus to = input.status();
        if (to == ReportStatus.VERIFIED || to == ReportStatus.RETURNED) {
            if (from != ReportStatus.SUBMITTED) {
                errors.add(new FieldError("status", "only a SUBMITTED report is " + to + ", this one is "
                        + (from == null ? "new" : from)));
            } else if (!isTierAbove(caller, input.regionCode())) {
                errors.add(new FieldError("status", "only the tier above " + input.regionCode() + " ("
                        + RegionCode.of(input.regionCode()).province() + ") marks its report " + to));
            } else if (!sameReport(stored, input, false)) {
                errors.add(new FieldError("values", "verifying or returning a report cannot change what it says"));
            }
        } else if (from == ReportStatus.SUBMITTED || from == ReportStatus.VERIFIED) {
            errors.add(new FieldError("status", "the report is " + from
                    + (from == ReportStatus.SUBMITTED ? "; it changes again only once the tier above returns it"
                            : " and final")));
        }
    }

    /**
     * The province above the city; for a 计划单列市 the national tier too (it reports straight to
     * it, DOMAIN.md). National staff may not verify an ordinary city's report over its province.
     */
    static boolean isTierAbove(Caller caller, String city) {
        RegionCode region = RegionCode.of(city);
        return caller.region().equals(region.province()) && !region.equals(region.province())
                || caller.region().equals(RegionCode.NATIONAL) && region.isSeparatelyPlanned();
    }

    /** Same content; with {@code andStatus} false the status and return reason may differ. */
    private static boolean sameReport(ReportInput a, ReportInput b, boolean andStatus) {
        return Objects.equals(a.values(), b.values()) && Objects.equals(a.note(), b.note())
                && (!andStatus || a.status() == b.status() && Objects.equals(a.returnReason(), b.returnReason()));
    }
}
