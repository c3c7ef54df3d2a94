package cn.dzn.platform.resources;

import java.util.Arrays;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import cn.dzn.platform.web.PageRequest;
import cn.dzn.platform.web.ServiceApiDocs;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The OpenAPI of every declared resource, written from its declaration: springdoc sees the kit's
 * generic handler (a byte[] body, an Object answer), so each path is described here with the
 * resource's own input and view schemas, its list filters and transitions, the headers it
 * requires, the limits it enforces and every problem it answers.
 */
class ResourceApiDocs implements OpenApiCustomizer {

    private static final String JSON = "application/json";

    private static final int MAX_ID = 128;
    private static final int MAX_CURSOR = PageRequest.MAX_CURSOR;
    private static final int MAX_FILTER = 100;

    private final ResourceRoutes routes;

    ResourceApiDocs(ResourceRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        for (ResourceEndpoints<?, ?> resource : routes.endpoints()) {
            describe(api, resource.store().declaration());
        }
    }

    private void describe(OpenAPI api, ResourceDeclaration<?, ?> declaration) {
        String path = declaration.path();
        String tag = declaration.collection();
        Schema<?> input = schemaOf(api, declaration.inputType());
        Schema<?> view = schemaOf(api, declaration.viewType());
        inheritLimits(api, declaration.inputType(), declaration.viewType());
        api.getPaths().keySet().removeIf(key -> key.startsWith(path + "/{id}/{transition") || key.equals(path)
                || key.equals(path + "/{id}") || key.equals(path + "/sync") || key.equals(path + "/changes")
                || key.equals(path + "/audit"));
        boolean natural = declaration.usesNaturalIds();
        PathItem collection = new PathItem()
                .get(list(tag, declaration, view))
                .post(operation(tag, "Create a record" + (natural ? " under its natural key (200 when it exists"
                        + " with this content)" : "; the service chooses its id"))
                        .requestBody(body(input))
                        .responses(responses(view, "201", "the record as stored; Location and ETag name it",
                                "400", "403", "409", "413", "415")));
        api.path(path, collection);
        api.path(path + "/{id}", new PathItem()
                .get(operation(tag, "Read a record the caller sees").addParametersItem(id())
                        .responses(responses(view, "200", "the record; ETag holds its version", "404")))
                .put(operation(tag, natural ? "Create a record under its natural key, or replace it (If-Match)"
                        : "Replace a record (If-Match or the body's version required)").addParametersItem(id())
                        .addParametersItem(ifMatch(false)).requestBody(body(input))
                        .responses(responses(view, "200", "the record as stored now", "400", "403", "404", "409",
                                "413", "415", "428")))
                .delete(operation(tag, "Delete a record (it stays in the change feed as a tombstone)")
                        .addParametersItem(id()).addParametersItem(ifMatch(true))
                        .responses(responses(null, "204", "deleted", "403", "404", "409", "428"))));
        for (ResourceDeclaration.Transition transition : declaration.transitions()) {
            Operation move = operation(tag, transition.summary()).addParametersItem(id()).addParametersItem(ifMatch(true))
                    .responses(responses(view, "200", "the record as it is now", "400", "403", "404", "409", "428"));
            if (transition.bodyType() != null) {
                move.requestBody(body(schemaOf(api, transition.bodyType())));
            }
            api.path(path + "/{id}/" + transition.name(), new PathItem().post(move));
        }
        api.path(path + "/sync", new PathItem().post(sync(tag, input)));
        api.path(path + "/changes", new PathItem().get(operation(tag,
                "The change feed: every write in order, deletions as tombstones; follow next")
                .addParametersItem(query("since", "the next cursor of the page before",
                        new StringSchema().maxLength(MAX_CURSOR)))
                .addParametersItem(limit())
                .responses(responses(changePage(view), "200", "a page of changes", "400"))));
        api.path(path + "/audit", new PathItem().get(operation(tag,
                "Who wrote what and when, oldest first (national administrators only)")
                .addParametersItem(limit()).addParametersItem(after())
                .responses(responses(page(new ObjectSchema()), "200", "a page of audit entries", "400", "403"))));
    }

    private Operation list(String tag, ResourceDeclaration<?, ?> declaration, Schema<?> view) {
        Operation list = operation(tag, "List the records the caller sees, in id order, one keyset page at a time")
                .addParametersItem(limit()).addParametersItem(after());
        for (ResourceDeclaration.ListFilter filter : declaration.listFilters()) {
            StringSchema schema = new StringSchema();
            schema.maxLength(MAX_FILTER);
            if (filter.type().isEnum()) {
                Arrays.stream(filter.type().getEnumConstants()).forEach(constant -> schema.addEnumItem(constant.toString()));
            }
            list.addParametersItem(query(filter.parameter(), "only records whose " + filter.field() + " is this",
                    schema));
        }
        return list.responses(responses(page(view), "200", "a page of records", "400"));
    }

    private Operation sync(String tag, Schema<?> input) {
        Schema<?> record = new ObjectSchema()
                .addProperty("id", new StringSchema().pattern("[A-Za-z0-9][A-Za-z0-9._-]{0,63}").maxLength(MAX_ID)
                        .description("the record's id; a resource with natural keys takes it from the content"))
                .addProperty("version", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE)
                        .description("the version read; none for a new record, required for a deletion"))
                .addProperty("deleted", new BooleanSchema())
                .addProperty("data", input)
                .addProperty("origin", origin().description("a relay key only (role RELAY): the deployment that "
                        + "owns the record and its version there, instead of a version; such a record's shape and region are "
                        + "judged here, its content rules were judged at its origin (docs/federation.md)"));
        Schema<?> batch = new ObjectSchema().addProperty("records",
                new ArraySchema().items(record).maxItems(SyncBatch.MAX_RECORDS)).required(java.util.List.of("records"));
        return operation(tag, "Write up to " + SyncBatch.MAX_RECORDS + " records at once, each judged on its own;"
                + " safe to resend under the same Idempotency-Key")
                .addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(true)
                        .description("1 to 128 visible ASCII characters; the same key and body answer the same")
                        .schema(new StringSchema().minLength(1).maxLength(128).pattern("[\\x21-\\x7e]+")))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                        new MediaType().schema(batch))))
                .responses(responses(schemaOf(null, SyncAnswer.class), "200",
                        "one result per record: created, updated, deleted, unchanged, conflict or rejected",
                        "400", "403", "409", "413", "415", "422"));
    }

    /**
     * A record is read back as it was written, so its view states the input's limits; the fields
     * the kit adds are bounded by their nature (ids by {@link #MAX_ID}, times by their format).
     */
    private static void inheritLimits(OpenAPI api, Class<?> inputType, Class<?> viewType) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> input = schemas.get(inputType.getSimpleName());
        Schema<?> view = schemas.get(viewType.getSimpleName());
        if (input == null || view == null || view.getProperties() == null) {
            return;
        }
        view.getProperties().forEach((name, property) -> {
            Schema<?> limit = input.getProperties() == null ? null : input.getProperties().get(name);
            if (limit != null) {
                copyLimits(limit, property);
            } else if (name.equals("id") && property.getMaxLength() == null) {
                property.setMaxLength(MAX_ID);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyLimits(Schema from, Schema to) {
        if (to.getMaxLength() == null && from.getMaxLength() != null) {
            to.setMaxLength(from.getMaxLength());
        }
        if (to.getPattern() == null && from.getPattern() != null) {
            to.setPattern(from.getPattern());
        }
        if (to.getMaxItems() == null && from.getMaxItems() != null) {
            to.setMaxItems(from.getMaxItems());
        }
        if (to.getItems() != null && from.getItems() != null) {
            copyLimits(from.getItems(), to.getItems());
        }
    }

    private static Operation operation(String tag, String summary) {
        return new Operation().addTagsItem(tag).summary(summary);
    }

    private static ApiResponses responses(Schema<?> schema, String status, String description, String... problems) {
        ApiResponse ok = new ApiResponse().description(description);
        if (schema != null) {
            ok.content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
        }
        if (status.equals("200") || status.equals("201")) {
            ok.addHeaderObject("ETag", new Header().description("the record's version, for If-Match")
                    .schema(new StringSchema()));
        }
        ApiResponses responses = new ApiResponses().addApiResponse(status, ok);
        responses.addApiResponse("401", problem("no valid credentials"));
        for (String problem : problems) {
            responses.addApiResponse(problem, problem(switch (problem) {
                case "400" -> "malformed JSON, a value of the wrong type, invalid fields or parameters";
                case "403" -> "a read-only client, or a region outside the caller's";
                case "404" -> "no such record in the caller's view";
                case "409" -> "a stale version, an existing record, or a change the record's state refuses";
                case "413" -> "the body is larger than the service accepts";
                case "415" -> "the body is not application/json";
                case "422" -> "the Idempotency-Key was used for another body";
                case "428" -> "no version named in If-Match (or the body's version)";
                default -> "see the problem's detail";
            }));
        }
        return responses;
    }

    private static ApiResponse problem(String description) {
        return ServiceApiDocs.problem(description);
    }

    private static Schema<?> schemaOf(OpenAPI api, Class<?> type) {
        Map<String, Schema> all = ModelConverters.getInstance().readAll(type);
        if (api != null) {
            all.forEach(api.getComponents()::addSchemas);
            return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
        }
        return all.get(type.getSimpleName());
    }

    private static RequestBody body(Schema<?> schema) {
        return new RequestBody().required(true).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static Schema<?> page(Schema<?> item) {
        return new ObjectSchema().addProperty("items", new ArraySchema().items(item).maxItems(PageRequest.MAX_LIMIT))
                .addProperty("next", new StringSchema().maxLength(MAX_CURSOR).nullable(true)
                        .description("the cursor of the next page; null on the last"));
    }

    private static Schema<?> changePage(Schema<?> view) {
        Schema<?> change = new ObjectSchema().addProperty("cursor", new StringSchema().maxLength(MAX_CURSOR))
                .addProperty("id", new StringSchema().maxLength(MAX_ID))
                .addProperty("version", new IntegerSchema().format("int64")).addProperty("deleted", new BooleanSchema())
                .addProperty("record", view)
                .addProperty("origin", origin().nullable(true).description("for a copy relayed from the deployment "
                        + "that owns it: that deployment and the record's version there; null for a record written here"));
        return new ObjectSchema().addProperty("items", new ArraySchema().items(change).maxItems(PageRequest.MAX_LIMIT))
                .addProperty("next", new StringSchema().maxLength(MAX_CURSOR)
                        .description("where to continue, also after an empty page"));
    }

    private static Schema<?> origin() {
        return new ObjectSchema().addProperty("deployment", new StringSchema().pattern("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
                .maxLength(MAX_ID)).addProperty("version", new IntegerSchema().format("int64")
                .minimum(java.math.BigDecimal.ONE)).required(java.util.List.of("deployment", "version"));
    }

    private static Parameter id() {
        // No record id is longer (natural keys are about 80 characters); a longer one is a 404.
        return new Parameter().in("path").name("id").required(true).schema(new StringSchema().maxLength(MAX_ID));
    }

    private static Parameter ifMatch(boolean required) {
        return new Parameter().in("header").name("If-Match").required(required)
                .description("the version read, as its ETag: \"3\"").schema(new StringSchema().maxLength(22));
    }

    private static Parameter limit() {
        return query("limit", "page size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT))._default(PageRequest.DEFAULT_LIMIT));
    }

    private static Parameter after() {
        return query("after", "the next cursor of the page before", new StringSchema().maxLength(MAX_CURSOR));
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }
}
