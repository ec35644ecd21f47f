package dev.roomsdk.core.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the Gson of one API's generated models (the generated {@code JSON} class does, once):
 * models are read and written in one streaming pass ({@link StreamingModels}) through the
 * field table the templates write, enums by their contract values ({@link ModelEnums}), so no
 * annotation is read and an enum value the contract does not know stays readable and is
 * written back as received; dates are ISO-8601.
 */
public final class JsonCodec {

    private JsonCodec() {
    }

    /**
     * Starts the Gson of one API's models; for the generated {@code JSON} class.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The generated models of one API: each one's field table. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String[]> fields = new HashMap<>();

        private Builder() {
        }

        /**
         * One model's fields.
         *
         * @param className the model's binary class name; not null
         * @param jsonAndFieldNames each field's JSON name followed by its Java field name
         * @return this builder
         * @throws IllegalArgumentException if the names do not come in pairs
         */
        public Builder model(String className, String... jsonAndFieldNames) {
            if (jsonAndFieldNames.length % 2 != 0) {
                throw new IllegalArgumentException("fields of " + className + ": JSON and field names come in pairs");
            }
            fields.put(className, jsonAndFieldNames.clone());
            return this;
        }

        /**
         * The Gson.
         *
         * @return a new, thread-safe Gson
         */
        public Gson build() {
            return new GsonBuilder()
                    .registerTypeAdapter(OffsetDateTime.class, new DateAdapter<>(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                            IsoDates::parseOffsetDateTime).nullSafe())
                    .registerTypeAdapter(LocalDate.class, new DateAdapter<>(DateTimeFormatter.ISO_LOCAL_DATE,
                            LocalDate::parse).nullSafe())
                    .registerTypeAdapterFactory(new ModelEnums())
                    .registerTypeAdapterFactory(new StreamingModels(new ModelFields(fields)))
                    .create();
        }
    }

    /** A {@code java.time} value as its ISO-8601 text. */
    private static final class DateAdapter<T extends java.time.temporal.TemporalAccessor> extends TypeAdapter<T> {
        private final DateTimeFormatter format;
        private final java.util.function.Function<CharSequence, T> parse;

        DateAdapter(DateTimeFormatter format, java.util.function.Function<CharSequence, T> parse) {
            this.format = format;
            this.parse = parse;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.value(format.format(value));
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new JsonParseException("expected an ISO-8601 date string but was " + in.peek() + " at path " + in.getPath());
            }
            String text = in.nextString();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an ISO-8601 date at path " + in.getPath(), e);
            }
        }
    }
}
