package cn.dzn.zone.reports;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.RegionFilters;
import cn.dzn.platform.resources.RecordStore;

/**
 * What other features ask of reports: the live reports of a period, for roll-ups and the
 * trading index. The API's report operations are the kit's (docs/sync.md).
 */
@Service
public class ReportService {

    private final RecordStore<ReportInput, Report> reports;

    ReportService(RecordStore<ReportInput, Report> reports) {
        this.reports = reports;
    }

    /**
     * The live reports of {@code period} by cities inside {@code region}, of one zone when
     * {@code zoneId} is given, verified ones only when {@code verifiedOnly}.
     */
    public List<Report> reportsOf(String period, RegionCode region, String zoneId, boolean verifiedOnly) {
        List<Bson> filters = new ArrayList<>(List.of(eq("period", period), RegionFilters.inside("regionCode", region)));
        if (verifiedOnly) {
            filters.add(eq("status", ReportStatus.VERIFIED.name()));
        }
        if (zoneId != null) {
            filters.add(eq("zoneId", zoneId));
        }
        return reports.liveRecords(and(filters));
    }
}
