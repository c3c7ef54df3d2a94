package cn.dzn.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as sent, in every service and the gateway (issue 14): a value of the wrong JSON
 * type is a 400 naming the field, never converted. Jackson's defaults would store
 * {@code "name": 123} as "123", {@code "batch": 1.5} as 1, {@code "status": 1} as an enum's
 * second constant and {@code "value": "1"} as a number. Floats are read as BigDecimal, so a
 * literal such as {@code 1e309} stays a number too large instead of becoming Infinity.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class StrictJsonSetup {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
