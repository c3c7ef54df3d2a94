package cn.dzn.platform.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What every service's document says of all its operations (issue 14): it is read through the
 * gateway, so it names the gateway's credentials (an API key, or a staff member's bearer token)
 * and every operation but the declared public ones requires one; every operation describes the
 * problems any request may get (401 without credentials, 403 outside the caller's rights, 400 for
 * bad input where it takes any, 429 from the gateway's rate limit with Retry-After, 500), each as
 * problem+json. Dates and times carry the length their format allows. Runs after the documents
 * of the resources ({@code ResourceApiDocs}), adding only what an operation does not say itself.
 */
public class ServiceApiDocs implements OpenApiCustomizer, Ordered {

    public static final String PROBLEM = "Problem";
    private static final String API_KEY = "apiKey";
    private static final String STAFF_TOKEN = "staffToken";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final String service;
    private final PublicRequests publicRequests;

    public ServiceApiDocs(String service, PublicRequests publicRequests) {
        this.service = service;
        this.publicRequests = publicRequests;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() == null || "OpenAPI definition".equals(api.getInfo().getTitle())) {
            api.info(new Info().title(service).version("v1").description("Served through the gateway: send X-Api-Key"
                    + " (an API client) or Authorization: Bearer (a staff member's token)."));
        }
        api.servers(List.of(new Server().url("/").description("the gateway")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                .addSecuritySchemes(STAFF_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT"))
                .addSchemas(PROBLEM, problemSchema()));
        api.security(List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(STAFF_TOKEN)));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(method, path, operation)));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ServiceApiDocs::boundDates);
        }
    }

    private void describe(PathItem.HttpMethod method, String path, Operation operation) {
        boolean open = publicRequests.publicRequests().contains(method.name() + " " + path);
        if (open) {
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            add(responses, "400", "malformed JSON, a value of the wrong type, or invalid fields or parameters");
        }
        if (!open) {
            add(responses, "401", "no valid credentials");
            add(responses, "403", "the caller's roles or region do not allow this");
        }
        if (!responses.containsKey("429")) {
            responses.addApiResponse("429", problem("too many requests for this client; retry after Retry-After seconds")
                    .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                            .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO))));
        }
        add(responses, "500", "the service failed; the problem carries the request id to report");
        operation.setResponses(responses);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> boundDates(parameter.getSchema()));
        }
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problem(description));
        }
    }

    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** The longest text a date (2025-12-31) or an instant (2025-12-31T23:59:59.999999999Z) is. */
    private static void boundDates(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        boolean string = "string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string");
        if (string && schema.getMaxLength() == null) {
            if ("date".equals(schema.getFormat())) {
                schema.setMaxLength(10);
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setMaxLength(35);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ServiceApiDocs::boundDates);
        }
        boundDates(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            boundDates(values);
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").maxLength(200))
                .addProperty("title", new StringSchema().maxLength(200))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(4000))
                .addProperty("instance", new StringSchema().maxLength(2000))
                .addProperty("requestId", new StringSchema().maxLength(64))
                .addProperty("traceId", new StringSchema().maxLength(32))
                .addProperty("errors", new ArraySchema().maxItems(1000).items(new ObjectSchema()
                        .addProperty("field", new StringSchema().maxLength(200))
                        .addProperty("message", new StringSchema().maxLength(1000))));
    }
}
