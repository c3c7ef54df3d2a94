package cn.dzn.platform.resources;

import java.util.List;
import java.util.Set;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import jakarta.validation.constraints.NotBlank;

/**
 * The tiny resource the write-path tests declare: a thing has a name and a region. Its one
 * change rule: a thing named "locked" may be neither changed nor deleted, and no thing may be
 * named "forbidden". Public, as the driver's record codec needs.
 */
public final class Things extends ResourceDeclaration<Things.Thing, Things.ThingView> {

    /** Guangzhou, a city with districts 440103 and 440104. */
    static final Caller WRITER = new Caller("gz-writer", RegionCode.of("440100"), Set.of(Role.READ, Role.WRITE));
    static final Caller READER = new Caller("gz-reader", RegionCode.of("440100"), Set.of(Role.READ));
    /** Shenzhen, next door: its district 440304 lies outside Guangzhou. */
    static final Caller NEIGHBOUR = new Caller("sz-writer", RegionCode.of("440300"), Set.of(Role.READ, Role.WRITE));

    public record Thing(@NotBlank String name, String regionCode) {
    }

    public record ThingView(@BsonId String id, String name, String regionCode, long version, boolean deleted) {
    }

    Things(String collection) {
        super("/api/" + collection, collection, Thing.class, ThingView.class, Thing::regionCode);
    }

    @Override
    public void checkChange(Caller caller, Thing stored, Thing input, List<FieldError> errors) {
        if (stored != null && "locked".equals(stored.name())) {
            errors.add(new FieldError("name", "a locked thing stays as it is"));
        }
        if (input != null && "forbidden".equals(input.name())) {
            errors.add(new FieldError("name", "no thing may be called that"));
        }
    }
}
