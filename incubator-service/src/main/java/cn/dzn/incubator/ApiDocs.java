package cn.dzn.incubator;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.web.ServiceApiDocs;

/**
 * What this service's document says beyond the platform's (issue 14, finding 8): every error
 * answer a controller declares (404, 409, 503 …) is a problem. Springdoc gives a declared answer
 * the operation's own content (an IssuedKey for a 503), and the platform adds problems only for
 * the answers every operation has.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    operation.getResponses().replaceAll((status, response) -> status.matches("[45]\\d\\d")
                            && (response.getContent() == null
                                    || !response.getContent().containsKey("application/problem+json"))
                                            ? ServiceApiDocs.problem(response.getDescription())
                                                    .headers(response.getHeaders())
                                            : response);
                }
            }));
        };
    }
}
