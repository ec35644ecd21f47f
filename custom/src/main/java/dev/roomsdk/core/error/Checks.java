package dev.roomsdk.core.error;

import java.time.Duration;
import java.util.List;

/**
 * The checks the SDK's public methods make of what they are given, one per rule and kind:
 * a call's arguments fail with an {@link InvalidRequestException} whose violation is
 * {@code "<field>: <rule>"}, a client's settings with an {@link InvalidConfigurationException}
 * whose message is {@code "<setting> <rule>"}. No message quotes a string value. Public so that
 * every package of the SDK shares one set of checks; not meant for application code.
 */
public final class Checks {

    private static final String NOT_NULL = "must not be null";
    private static final String NOT_EMPTY = "must not be null or empty";

    private Checks() {
    }

    /**
     * The exception for one broken rule of a call's argument.
     *
     * @param operation how the message names the call, or null when no operation applies
     * @param field the argument's wire or field name, e.g. {@code $limit}
     * @param rule what it breaks, e.g. {@code must be between 1 and 100, got 500}; no string value quoted
     * @return the exception, to throw
     */
    public static InvalidRequestException invalidArgument(String operation, String field, String rule) {
        return new InvalidRequestException(operation, List.of(field + ": " + rule));
    }

    /**
     * {@code value}, unless it is null.
     *
     * @param <T> the argument's type
     * @param operation how the message names the call, or null
     * @param field the argument's name
     * @param value the argument
     * @return {@code value}
     * @throws InvalidRequestException naming {@code field} when {@code value} is null
     */
    public static <T> T argumentNotNull(String operation, String field, T value) {
        if (value == null) {
            throw invalidArgument(operation, field, NOT_NULL);
        }
        return value;
    }

    /**
     * {@code value}, unless it is null or empty.
     *
     * @param operation how the message names the call, or null
     * @param field the argument's name
     * @param value the argument
     * @return {@code value}
     * @throws InvalidRequestException naming {@code field} when {@code value} is null or empty
     */
    public static String argumentNotEmpty(String operation, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalidArgument(operation, field, NOT_EMPTY);
        }
        return value;
    }

    /**
     * The exception for a setting that breaks a rule.
     *
     * @param setting the setting's name, e.g. {@code baseUrl}
     * @param rule what it breaks, e.g. {@code must be at least 1, got 0}; no secret
     * @return the exception, to throw
     */
    public static InvalidConfigurationException invalidSetting(String setting, String rule) {
        return new InvalidConfigurationException(setting + " " + rule);
    }

    /**
     * {@code value}, unless it is null.
     *
     * @param <T> the setting's type
     * @param setting the setting's name
     * @param value the setting
     * @return {@code value}
     * @throws InvalidConfigurationException naming {@code setting} when {@code value} is null
     */
    public static <T> T settingNotNull(String setting, T value) {
        if (value == null) {
            throw invalidSetting(setting, NOT_NULL);
        }
        return value;
    }

    /**
     * {@code value}, unless it is null or empty.
     *
     * @param setting the setting's name
     * @param value the setting; may be a secret, which is never shown
     * @return {@code value}
     * @throws InvalidConfigurationException naming {@code setting} when {@code value} is null or empty
     */
    public static String settingNotEmpty(String setting, String value) {
        if (value == null || value.isEmpty()) {
            throw invalidSetting(setting, NOT_EMPTY);
        }
        return value;
    }

    /**
     * {@code value}, unless it is null, zero or negative.
     *
     * @param setting the setting's name, e.g. {@code readTimeout}
     * @param value the duration
     * @return {@code value}
     * @throws InvalidConfigurationException naming {@code setting} otherwise
     */
    public static Duration positiveSetting(String setting, Duration value) {
        if (settingNotNull(setting, value).isNegative() || value.isZero()) {
            throw invalidSetting(setting, "must be positive, got " + value);
        }
        return value;
    }

    /**
     * {@code value}, unless it is null or negative.
     *
     * @param setting the setting's name, e.g. {@code callTimeout}
     * @param value the duration
     * @return {@code value}
     * @throws InvalidConfigurationException naming {@code setting} otherwise
     */
    public static Duration notNegativeSetting(String setting, Duration value) {
        if (settingNotNull(setting, value).isNegative()) {
            throw invalidSetting(setting, "must not be negative, got " + value);
        }
        return value;
    }
}
