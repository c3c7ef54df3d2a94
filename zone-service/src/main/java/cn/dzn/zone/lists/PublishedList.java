package cn.dzn.zone.lists;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;

/** A published list as read; its id is {@code zoneId.kind.period}, e.g. {@code zone-ningbo.DEMAND.2025Q3}. */
public record PublishedList(@BsonId String id, String zoneId, String regionCode, ListKind kind, String period,
        List<ListItem> items, Instant createdAt, Instant updatedAt, long version) {

    /** {@code zoneId.kind.period}: a zone id, SCENARIO (the longer kind) and a period at most. */
    public static final int MAX_ID = Zone.MAX_ID + 1 + 8 + 1 + Period.MAX_LENGTH;
}
