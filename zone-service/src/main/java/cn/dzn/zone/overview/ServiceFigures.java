package cn.dzn.zone.overview;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What one service reports; lenient so a service can add fields without breaking us. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceFigures(String service, Map<String, Long> figures) {
}
