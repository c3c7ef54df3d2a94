package cn.dzn.zone.reports;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.SyncEndpoints;

/**
 * {@code /api/reports/sync}, {@code /changes} and {@code /audit} (docs/sync.md); a synced report
 * may leave out its id, which is its natural key.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportSyncController extends SyncEndpoints<ReportInput, Report> {

    public ReportSyncController(RecordStore<ReportInput, Report> reports) {
        super(reports);
    }
}
