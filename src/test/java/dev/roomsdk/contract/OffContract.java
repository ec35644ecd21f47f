package dev.roomsdk.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a fault-injection test whose stubs serve broken responses on purpose (resets,
 * garbage, truncated JSON, undeclared statuses). For that test only the responses are not
 * validated; every request the SDK sent still is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OffContract {
}
