package dev.roomsdk.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test whose stubs deliberately serve what a newer server might send: fields the
 * spec does not declare and enum values it does not list. For that test only, the response
 * validator ignores additional properties and unknown enum values; every other rule stays
 * strict, and requests are validated as strictly as anywhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForwardCompatible {
}
