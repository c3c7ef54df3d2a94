package cn.dzn.platform.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({"000000, NATIONAL", "440000, PROVINCE", "440100, CITY", "440300, CITY", "310112, DISTRICT",
        "429004, DISTRICT"})
    void tierFollowsTheCode(String code, Tier tier) {
        assertThat(RegionCode.of(code).tier()).isEqualTo(tier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4401", "4401000", "44a100", "990000", "000100", "440012", " 440100"})
    void malformedOrUnknownCodesAreRefused(String code) {
        assertThat(RegionCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> RegionCode.of(code)).isInstanceOf(InvalidRegionCodeException.class)
                .hasMessageContaining("is not a region code");
    }

    @Test
    void nullIsNotARegion() {
        assertThat(RegionCode.isValid(null)).isFalse();
    }

    @Test
    void containmentFollowsTheTiers() {
        RegionCode guangdong = RegionCode.of("440000");
        RegionCode guangzhou = RegionCode.of("440100");
        assertThat(RegionCode.NATIONAL.contains(guangzhou)).isTrue();
        assertThat(guangdong.contains(guangzhou)).isTrue();
        assertThat(guangdong.contains("440106")).isTrue();
        assertThat(guangzhou.contains("440106")).isTrue();
        assertThat(guangzhou.contains("440300")).isFalse();
        assertThat(guangzhou.contains(guangdong)).isFalse();
        assertThat(guangdong.contains("320500")).isFalse();
        assertThat(guangzhou.contains(guangzhou)).isTrue();
        assertThat(guangzhou.contains("not-a-code")).isFalse();
    }

    @Test
    void codeRangesAreHalfOpenAndMatchContainment() {
        assertThat(RegionCode.NATIONAL.codeRange()).isNull();
        assertThat(RegionCode.of("440000").codeRange()).containsExactly("440000", "450000");
        assertThat(RegionCode.of("440100").codeRange()).containsExactly("440100", "440200");
        assertThat(RegionCode.of("440106").codeRange()).containsExactly("440106", "440107");
        assertThat(RegionCode.of("650000").codeRange()).containsExactly("650000", "660000");
        for (String inside : new String[] {"440100", "440199", "440106"}) {
            String[] range = RegionCode.of("440100").codeRange();
            assertThat(inside.compareTo(range[0]) >= 0 && inside.compareTo(range[1]) < 0).isTrue();
        }
    }
}
