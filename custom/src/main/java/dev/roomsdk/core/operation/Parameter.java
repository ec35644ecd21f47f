package dev.roomsdk.core.operation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parameter of an {@link Operation}, as the contract declares it: where it goes (path,
 * query, header, cookie, body, form field), its wire name, whether it is required, its
 * constraints, its serialization style and the SDK hints (vendor extensions) the spec puts on
 * it. Configured by the generated code while its operation is built, then never changed:
 * {@link Operation.Builder#build()} freezes it. Checking a value and writing it for the wire
 * costs no reflection and no regular expression compiled per call.
 */
public final class Parameter {

    /** Where a parameter travels. */
    public enum Location {
        /** A path segment, e.g. {@code /rooms/{id}}. */
        PATH,
        /** A query parameter. */
        QUERY,
        /** A request header. */
        HEADER,
        /** A cookie pair. */
        COOKIE,
        /** The whole request body. */
        BODY,
        /** A field of a form or multipart body. */
        FORM
    }

    /** Values a parameter may take from elsewhere than the caller ({@code x-sdk-from-body}). */
    enum FromBody { CONTENT_LENGTH }

    final Location location;
    final String name;
    boolean required;
    boolean file;
    boolean deepObject;
    boolean commaSeparated;
    BigDecimal minimum;
    boolean exclusiveMinimum;
    BigDecimal maximum;
    boolean exclusiveMaximum;
    Integer minLength;
    Integer maxLength;
    Integer minItems;
    Integer maxItems;
    Pattern pattern;
    Set<String> allowed;
    String clientDefault;
    FromBody fromBody;
    boolean unicodeEscaped;
    private boolean frozen;

    private Parameter(Location location, String name) {
        this.location = location;
        this.name = name;
    }

    /**
     * A path parameter.
     *
     * @param name the name in the path template
     * @return a new parameter to configure
     */
    public static Parameter path(String name) {
        return new Parameter(Location.PATH, name);
    }

    /**
     * A query parameter.
     *
     * @param name the wire name
     * @return a new parameter to configure
     */
    public static Parameter query(String name) {
        return new Parameter(Location.QUERY, name);
    }

    /**
     * A header parameter.
     *
     * @param name the header name
     * @return a new parameter to configure
     */
    public static Parameter header(String name) {
        return new Parameter(Location.HEADER, name);
    }

    /**
     * A cookie parameter.
     *
     * @param name the cookie name
     * @return a new parameter to configure
     */
    public static Parameter cookie(String name) {
        return new Parameter(Location.COOKIE, name);
    }

    /**
     * The request body.
     *
     * @param name the contract's schema name, used in messages only
     * @return a new parameter to configure
     */
    public static Parameter body(String name) {
        return new Parameter(Location.BODY, name);
    }

    /**
     * A field of a {@code multipart/form-data} or url-encoded body.
     *
     * @param name the field name
     * @return a new parameter to configure
     */
    public static Parameter form(String name) {
        return new Parameter(Location.FORM, name);
    }

    /**
     * The contract requires a value.
     *
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter required() {
        checkOpen();
        required = true;
        return this;
    }

    /**
     * The value is a file ({@link dev.roomsdk.core.transfer.TransferBody}): a body or a multipart part.
     *
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter file() {
        checkOpen();
        file = true;
        return this;
    }

    /**
     * A map sent as {@code name[key]=value} pairs (OpenAPI {@code style: deepObject}).
     *
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter deepObject() {
        checkOpen();
        deepObject = true;
        return this;
    }

    /**
     * A list sent as one comma-separated value ({@code explode: false}) instead of repeated names.
     *
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter commaSeparated() {
        checkOpen();
        commaSeparated = true;
        return this;
    }

    /**
     * The contract's {@code minimum} for a number.
     *
     * @param value the bound as a decimal literal, e.g. {@code "1"}
     * @param exclusive true for {@code exclusiveMinimum}: the bound itself is refused
     * @return this parameter
     * @throws NumberFormatException if {@code value} is not a decimal number
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter minimum(String value, boolean exclusive) {
        checkOpen();
        minimum = new BigDecimal(value);
        exclusiveMinimum = exclusive;
        return this;
    }

    /**
     * The contract's {@code maximum} for a number.
     *
     * @param value the bound as a decimal literal, e.g. {@code "300"}
     * @param exclusive true for {@code exclusiveMaximum}: the bound itself is refused
     * @return this parameter
     * @throws NumberFormatException if {@code value} is not a decimal number
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter maximum(String value, boolean exclusive) {
        checkOpen();
        maximum = new BigDecimal(value);
        exclusiveMaximum = exclusive;
        return this;
    }

    /**
     * The contract's {@code minLength} for text (not checked for bodies and form fields).
     *
     * @param n the fewest characters allowed
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter minLength(int n) {
        checkOpen();
        minLength = n;
        return this;
    }

    /**
     * The contract's {@code maxLength} for text (not checked for bodies and form fields).
     *
     * @param n the most characters allowed
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter maxLength(int n) {
        checkOpen();
        maxLength = n;
        return this;
    }

    /**
     * The contract's {@code minItems} for a list.
     *
     * @param n the fewest items allowed
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter minItems(int n) {
        checkOpen();
        minItems = n;
        return this;
    }

    /**
     * The contract's {@code maxItems} for a list.
     *
     * @param n the most items allowed
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter maxItems(int n) {
        checkOpen();
        maxItems = n;
        return this;
    }

    /**
     * The contract's pattern, which the whole text must match; compiled once, here.
     *
     * @param regex a {@link Pattern} expression
     * @return this parameter
     * @throws java.util.regex.PatternSyntaxException if {@code regex} does not compile
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter pattern(String regex) {
        checkOpen();
        pattern = Pattern.compile(regex);
        return this;
    }

    /**
     * The contract's enum: the only values allowed (for a map, its values).
     *
     * @param values the wire values; none for no restriction
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter allowed(String... values) {
        checkOpen();
        allowed = values.length == 0 ? null : Set.of(values);
        return this;
    }

    /**
     * {@code x-sdk-client-default}: when the call does not set it, the value the client was
     * built with under {@code key} (Carbonio's {@code queue-id}) is sent.
     *
     * @param key the client default's name
     * @return this parameter
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter clientDefault(String key) {
        checkOpen();
        clientDefault = key;
        return this;
    }

    /**
     * {@code x-sdk-from-body}: the SDK fills the value in from the body ({@code content-length}).
     *
     * @param what the extension's value; only {@code content-length} is known
     * @return this parameter
     * @throws IllegalArgumentException if {@code what} is not a known value
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter fromBody(String what) {
        if (!"content-length".equals(what)) {
            throw new IllegalArgumentException("x-sdk-from-body of " + name + ": unknown value " + what);
        }
        checkOpen();
        fromBody = FromBody.CONTENT_LENGTH;
        return this;
    }

    /**
     * {@code x-sdk-encoding}: how the caller's text is written on the wire ({@code unicode-escape}).
     *
     * @param encoding the extension's value; only {@code unicode-escape} is known
     * @return this parameter
     * @throws IllegalArgumentException if {@code encoding} is not a known value
     * @throws IllegalStateException if its operation was already built
     */
    public Parameter encoding(String encoding) {
        if (!"unicode-escape".equals(encoding)) {
            throw new IllegalArgumentException("x-sdk-encoding of " + name + ": unknown value " + encoding);
        }
        checkOpen();
        unicodeEscaped = true;
        return this;
    }

    /** {@return the wire name (the schema name for a body)} */
    public String name() {
        return name;
    }

    /** {@return where the parameter travels} */
    public Location location() {
        return location;
    }

    void freeze() {
        frozen = true;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("parameter " + name + " belongs to a built operation");
        }
    }

    /** Adds to {@code violations} every rule {@code value} (already encoded for the wire, if text) breaks. */
    void check(Object value, List<String> violations) {
        if (value == null) {
            if (required) {
                violations.add(label() + ": is required");
            }
            return;
        }
        if (value instanceof CharSequence) {
            checkText(value.toString(), violations);
        } else if (value instanceof Number) {
            checkNumber(new BigDecimal(value.toString()), violations);
            checkAllowed(Wire.text(value), violations);
        } else if (value instanceof Collection) {
            Collection<?> items = (Collection<?>) value;
            checkCount(items.size(), "number of items", minItems, maxItems, violations);
            if (location != Location.BODY) {
                for (Object item : items) {
                    checkScalar(item, violations);
                }
            }
        } else if (value instanceof Map) {
            for (Object v : ((Map<?, ?>) value).values()) {
                checkScalar(v, violations);
            }
        } else {
            checkScalar(value, violations);
        }
        if (location == Location.PATH) {
            String text = Wire.text(value);
            if (text.isEmpty()) {
                violations.add(label() + ": is empty, which would change the path");
            } else if (text.equals(".") || text.equals("..")) {
                violations.add(label() + ": must not be '.' or '..', which would change the path");
            }
        }
    }

    private void checkScalar(Object v, List<String> violations) {
        if (v == null) {
            violations.add(label() + ": must not hold null");
        } else if (v instanceof Number) {
            checkNumber(new BigDecimal(v.toString()), violations);
            checkAllowed(Wire.text(v), violations); // an integer enum, such as Videsk's $sort directions
        } else if (v instanceof Enum && UnknownValues.isPlaceholder((Enum<?>) v)) {
            violations.add(label() + ": must be one of the contract's values, got the placeholder for unknown server values");
        } else if (v instanceof CharSequence || allowed != null) {
            checkText(Wire.text(v), violations);
        }
    }

    private void checkText(String text, List<String> violations) {
        if (location != Location.BODY && location != Location.FORM) {
            checkCount(text.length(), "length", minLength, maxLength, violations);
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            violations.add(label() + ": must match " + pattern.pattern());
        }
        checkAllowed(text, violations);
        if (location == Location.HEADER || location == Location.COOKIE) {
            checkHeaderText(text, violations);
        }
    }

    private void checkAllowed(String text, List<String> violations) {
        if (allowed != null && !allowed.contains(text)) {
            violations.add(label() + ": must be one of " + new java.util.TreeSet<>(allowed));
        }
    }

    private void checkHeaderText(String text, List<String> violations) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                violations.add(label() + ": must not contain CR or LF");
                return;
            }
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                violations.add(label() + ": must contain only printable ASCII, got U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
                return;
            }
        }
    }

    private void checkNumber(BigDecimal n, List<String> violations) {
        if (minimum != null) {
            int c = n.compareTo(minimum);
            if (c < 0 || (exclusiveMinimum && c == 0)) {
                violations.add(label() + ": must be " + (exclusiveMinimum ? "more than " : "at least ")
                        + minimum.toPlainString() + ", got " + n.toPlainString());
            }
        }
        if (maximum != null) {
            int c = n.compareTo(maximum);
            if (c > 0 || (exclusiveMaximum && c == 0)) {
                violations.add(label() + ": must be " + (exclusiveMaximum ? "less than " : "at most ")
                        + maximum.toPlainString() + ", got " + n.toPlainString());
            }
        }
    }

    private void checkCount(int n, String what, Integer min, Integer max, List<String> violations) {
        if (min != null && n < min && max != null && max != Integer.MAX_VALUE) {
            violations.add(label() + ": " + what + " must be between " + min + " and " + max + ", got " + n);
        } else if (min != null && n < min) {
            violations.add(label() + ": " + what + " must be at least " + min + ", got " + n);
        } else if (max != null && n > max) {
            violations.add(label() + ": " + what + " must be " + (min != null && min > 0 ? "between " + min + " and " + max
                    : "at most " + max) + ", got " + n);
        }
    }

    /** How messages name it: the wire name, with its location for headers and the body. */
    String label() {
        switch (location) {
            case HEADER: return "header " + name;
            case BODY: return "body";
            default: return name;
        }
    }

    @Override
    public String toString() {
        return location.name().toLowerCase(Locale.ROOT) + " " + name + (required ? " (required)" : "");
    }
}
