package dev.roomsdk.core.http;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import okhttp3.HttpUrl;

/** Checks a caller's base URL before any request, so a typo fails at build time with its cause. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * Checks a base URL.
     *
     * @param field what the message calls the setting, e.g. {@code baseUrl}
     * @param value the URL to check; may be null (which fails)
     * @return {@code value} without a trailing slash
     * @throws InvalidConfigurationException naming {@code field} unless {@code value} is an absolute http(s) URL
     */
    public static String require(String field, String value) {
        parse(field, value);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * Parses a base URL as it is.
     *
     * @param field what the message calls the setting, e.g. {@code baseUrl}
     * @param value the URL to parse; may be null (which fails)
     * @return the parsed URL
     * @throws InvalidConfigurationException naming {@code field} unless {@code value} is an absolute http(s) URL
     *                                       without a user name or password
     */
    public static HttpUrl parse(String field, String value) {
        HttpUrl url = value == null ? null : HttpUrl.parse(value);
        if (url == null) {
            throw Checks.invalidSetting(field, "must be an absolute http or https URL, got " + shown(value));
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            // the URL would carry them into logs and messages; credentials have their own settings
            throw Checks.invalidSetting(field, "must not hold a user name or password, got " + shown(value));
        }
        return url;
    }

    /** {@code value} with anything before an {@code @} of its authority hidden: it may be a password. */
    private static String shown(String value) {
        int at = value == null ? -1 : value.lastIndexOf('@');
        if (at < 0) {
            return String.valueOf(value);
        }
        int scheme = value.indexOf("://");
        int start = scheme < 0 || scheme > at ? 0 : scheme + 3;
        return value.substring(0, start) + "***" + value.substring(at);
    }
}
