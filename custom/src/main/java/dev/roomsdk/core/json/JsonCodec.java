package dev.roomsdk.core.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Builds the Gson of one API's generated models (the generated {@code JSON} class calls it
 * once): models are read in one streaming pass ({@link StreamingModels}) and written by their
 * own adapters behind {@link UnknownEnumValues}, so an enum value the contract does not know
 * stays readable and is written back as received; dates are ISO-8601.
 */
public final class JsonCodec {

    /** Ends the generated list of factories (so the template needs no comma logic); adapts nothing. */
    public static final TypeAdapterFactory NO_MORE_FACTORIES = new TypeAdapterFactory() {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            return null;
        }
    };

    private JsonCodec() {
    }

    /**
     * A Gson with {@code modelFactories}, date adapters and unknown-enum handling.
     *
     * @param modelFactories the generated models' adapter factories, in order; not null
     * @return a new, thread-safe Gson
     */
    public static Gson gson(List<TypeAdapterFactory> modelFactories) {
        GsonBuilder b = new GsonBuilder()
                .registerTypeAdapter(OffsetDateTime.class, new DateAdapter<>(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                        IsoDates::parseOffsetDateTime).nullSafe())
                .registerTypeAdapter(LocalDate.class, new DateAdapter<>(DateTimeFormatter.ISO_LOCAL_DATE,
                        LocalDate::parse).nullSafe());
        for (TypeAdapterFactory f : modelFactories) {
            if (f != NO_MORE_FACTORIES) {
                b.registerTypeAdapterFactory(f);
            }
        }
        // read: one streaming pass (StreamingModels); write: unknown enum values restored, then the models' adapters
        return UnknownEnumValues.install(b.create()).newBuilder().registerTypeAdapterFactory(new StreamingModels()).create();
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
