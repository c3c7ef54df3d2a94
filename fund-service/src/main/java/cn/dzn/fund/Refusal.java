package cn.dzn.fund;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem answer a handler gives beyond those every operation documents (400, 401, 403, 429,
 * 500: {@code ServiceApiDocs}), written into its OpenAPI by {@link RefusalDocs}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Refusal.List.class)
public @interface Refusal {

    int status();

    String why();

    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        Refusal[] value();
    }
}
