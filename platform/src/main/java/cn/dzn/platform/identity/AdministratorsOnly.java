package cn.dzn.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler method: only administrators (with {@code national}, national ones) may call it,
 * and others are refused (403) before its body is read, so a caller without the permission
 * learns nothing from validation (issue 14). The region an administrator acts for, when it
 * depends on the body, is still checked after binding.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdministratorsOnly {

    boolean national() default false;
}
