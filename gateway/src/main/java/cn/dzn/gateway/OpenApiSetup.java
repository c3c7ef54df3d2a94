package cn.dzn.gateway;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.web.PublicRequests;
import cn.dzn.platform.web.ServiceApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The gateway's own document (/api/clients); the services' documents are proxied next to it. */
@Configuration
class OpenApiSetup {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI gatewayOpenApi() {
        SecurityScheme apiKey = new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key");
        return new OpenAPI()
                .info(new Info().title("Demonstration-Zone Network gateway").version("v1")
                        .description("API clients (national administrators only). Every /api path needs X-Api-Key."))
                .components(new Components().addSecuritySchemes(API_KEY, apiKey))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** The error answers, credentials and limits every document states (issue 14). */
    @Bean
    ServiceApiDocs gatewayApiDocs() {
        return new ServiceApiDocs("gateway", new PublicRequests(List.of()));
    }
}
