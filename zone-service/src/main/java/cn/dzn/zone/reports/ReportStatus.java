package cn.dzn.zone.reports;

/**
 * Where a report stands. The reporting bureau keeps a {@code DRAFT}, then {@code SUBMITTED}s it;
 * the tier above {@code VERIFIED}s it or {@code RETURNED}s it for correction, after which the
 * bureau edits and submits again. A verified report is final.
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, VERIFIED, RETURNED
}
