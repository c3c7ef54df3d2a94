package cn.dzn.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;
import tools.jackson.databind.JsonNode;

/**
 * The figures contract for incubators, {@code {"service": "incubator", "figures": {"incubators": n,
 * "overseasIncubators": m, ...}}}, and the overseas count beside the primary one. Its context has a
 * database of its own: the contract counts every stored document, and the other tests of this
 * module leave tombstones, which the figures rightly do not count.
 */
@TestPropertySource(properties = "spring.mongodb.database=dzn_incubator_figures")
class IncubatorServiceTest extends FiguresContractTest<Incubator> {

    private static final Predicate<Document> OVERSEAS =
            doc -> IncubatorKind.OVERSEAS_INCUBATOR.name().equals(doc.getString("kind"));

    @Override
    protected String serviceName() {
        return "incubator";
    }

    @Override
    protected String collectionName() {
        return "incubators";
    }

    @Override
    protected Class<Incubator> recordType() {
        return Incubator.class;
    }

    @Override
    protected String primaryFigure() {
        return "incubators";
    }

    /** A local one (a maker space); overseas ones are inserted by {@link #overseasIncubatorsAreCountedApartInsideAnyOfTheRegions()}. */
    @Override
    protected Incubator recordIn(String regionCode) {
        return incubator(regionCode, IncubatorKind.MAKER_SPACE, null);
    }

    @Override
    protected void assertSample(Incubator incubator) {
        assertThat(RegionCode.isValid(incubator.regionCode())).as(incubator.id()).isTrue();
        assertThat(incubator.note()).as(incubator.id()).isNotBlank();
        assertThat(incubator.hostCountry() != null)
                .as(incubator.id() + ": a host country exactly for overseas incubators")
                .isEqualTo(incubator.kind() == IncubatorKind.OVERSEAS_INCUBATOR);
    }

    @Test
    void overseasIncubatorsAreCountedApartInsideAnyOfTheRegions() {
        long all = directCount("440100", "440300");
        long overseas = directCount(OVERSEAS, "440100", "440300");
        assertThat(overseas).as("sample overseas incubators in Guangzhou and Shenzhen").isPositive();
        assertThat(all).as("and local ones too").isGreaterThan(overseas);
        assertThat(directCount(OVERSEAS, "000000")).isGreaterThan(overseas);

        JsonNode figures = figures("440100,440300").path("figures");
        assertThat(figures.path("incubators").asLong()).isEqualTo(all);
        assertThat(figures.path("overseasIncubators").asLong()).isEqualTo(overseas);

        records().insertOne(incubator("440106", IncubatorKind.MAKER_SPACE, null)); // inside Guangzhou
        records().insertOne(incubator("510100", IncubatorKind.INCUBATOR, null)); // Chengdu, outside
        figures = figures("440100,440300").path("figures");
        assertThat(figures.path("incubators").asLong()).isEqualTo(all + 1);
        assertThat(figures.path("overseasIncubators").asLong()).isEqualTo(overseas);

        records().insertOne(incubator("440300", IncubatorKind.OVERSEAS_INCUBATOR, "SG"));
        figures = figures("440100,440300").path("figures");
        assertThat(figures.path("incubators").asLong()).isEqualTo(all + 2);
        assertThat(figures.path("overseasIncubators").asLong()).isEqualTo(overseas + 1);
        assertThat(directCount(OVERSEAS, "440100", "440300")).isEqualTo(overseas + 1);
    }

    private static Incubator incubator(String regionCode, IncubatorKind kind, String hostCountry) {
        return new Incubator("test-" + UUID.randomUUID(), "测试孵化器", regionCode, kind, null, null, hostCountry, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, "test", true, Instant.now(),
                Instant.now(), 1L);
    }
}
