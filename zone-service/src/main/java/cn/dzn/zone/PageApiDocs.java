package cn.dzn.zone;

import java.util.Iterator;

import org.springframework.stereotype.Component;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The schema of every {@link Page} this service answers with, as the pages are: at most
 * {@link PageRequest#MAX_LIMIT} items (PageRequest refuses a larger limit) and a cursor of at
 * most {@link #MAX_CURSOR} characters. Page's own schema states neither; this goes once it does.
 */
@Component
public class PageApiDocs implements ModelConverter {

    /**
     * A cursor is the base64url of the last id of a page (4 characters per 3 bytes): this
     * service's ids are ASCII of at most 84 characters (a list item's
     * {@code zoneId.kind.period#index}), their cursors at most 112. The kit's pages state the
     * same bound; an {@code after} longer than it is no cursor (400).
     */
    public static final int MAX_CURSOR = 200;

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || Json.mapper().constructType(type.getType()).getRawClass() != Page.class) {
            return resolved;
        }
        Schema page = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (page != null && page.getProperties() != null) {
            ((Schema) page.getProperties().get("items")).setMaxItems(PageRequest.MAX_LIMIT);
            ((Schema) page.getProperties().get("next")).setMaxLength(MAX_CURSOR);
        }
        return resolved;
    }
}
