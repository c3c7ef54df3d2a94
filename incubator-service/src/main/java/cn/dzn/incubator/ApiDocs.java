package cn.dzn.incubator;

import java.util.Iterator;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.platform.web.ServiceApiDocs;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * What this service's document says beyond the platform's (issue 14, finding 8): a {@link Page}
 * holds at most {@link PageRequest#MAX_LIMIT} items and a cursor of at most {@link #MAX_CURSOR}
 * characters (Page's own schema states neither; zone-service does the same, and both go once the
 * platform's Page does), and every error answer a controller declares (404, 409 …) is a problem.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    /**
     * A cursor is the base64url of the last id of a page: ids are ASCII of at most 64 characters,
     * their cursors at most 88. The kit's pages state the same bound.
     */
    public static final int MAX_CURSOR = 200;

    @Bean
    ModelConverter boundedPages() {
        return new ModelConverter() {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
                if (resolved == null || Json.mapper().constructType(type.getType()).getRawClass() != Page.class) {
                    return resolved;
                }
                Schema page = resolved.get$ref() == null ? resolved : context.getDefinedModels()
                        .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
                if (page != null && page.getProperties() != null) {
                    ((Schema) page.getProperties().get("items")).setMaxItems(PageRequest.MAX_LIMIT);
                    ((Schema) page.getProperties().get("next")).setMaxLength(MAX_CURSOR);
                }
                return resolved;
            }
        };
    }

    /**
     * A declared error answer is a problem+json, as every error here is; dates and
     * instants in the controllers' own records carry their length (the platform's ServiceApiDocs
     * bounds only schemas whose {@code type} is set, and springdoc's OpenAPI 3.1 schemas of
     * controller records carry {@code types} instead).
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(ApiDocs::boundDates);
            }
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getResponses() != null) {
                    // springdoc gives a declared answer the operation's own content: an error is a problem.
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

    /** The longest text a date (2025-12-31) or an instant (2025-12-31T23:59:59.999999999Z) is. */
    @SuppressWarnings("rawtypes")
    static void boundDates(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        boolean string = "string".equals(schema.getType()) || schema.getTypes() != null
                && schema.getTypes().contains("string");
        if (string && schema.getMaxLength() == null) {
            if ("date".equals(schema.getFormat())) {
                schema.setMaxLength(10);
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setMaxLength(35);
            }
        }
        if (schema.getProperties() != null) {
            for (Schema property : schema.getProperties().values()) {
                boundDates(property);
            }
        }
        boundDates(schema.getItems());
    }
}
