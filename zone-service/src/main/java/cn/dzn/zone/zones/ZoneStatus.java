package cn.dzn.zone.zones;

/** Where a zone stands in its life: approved by MOST, under construction, evaluated, withdrawn. */
public enum ZoneStatus {
    APPROVED, BUILDING, EVALUATED, WITHDRAWN
}
