package cn.dzn.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logging every module imports (dzn-observability.yml): in the prod profile each line is one JSON
 * object carrying the request id. (The readable pattern of other profiles is checked by the
 * gateway's TracingTest; once switched to JSON, Logback keeps it for the rest of this JVM.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionLogFormatTest {

    @Test
    void underTheProdProfileEachLineIsJsonWithTheRequestId(CapturedOutput output) {
        logOneLine("prod");

        String line = output.getOut().lines().filter(l -> l.contains("one line to read back")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("one line to read back");
        assertThat(json.path("requestId").asString()).isEqualTo("req-json-0001");
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
    }

    private static void logOneLine(String profile) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).profiles(profile)
                .properties("spring.config.import=classpath:dzn-observability.yml", "spring.main.banner-mode=off")
                .run()) {
            MDC.put("requestId", "req-json-0001");
            try {
                LoggerFactory.getLogger(ProductionLogFormatTest.class).info("one line to read back");
            } finally {
                MDC.remove("requestId");
            }
        }
    }

    @SpringBootConfiguration
    static class Empty {
    }
}
