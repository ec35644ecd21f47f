package dev.roomsdk.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a secret could leak into during one test: the records of the given loggers, set
 * to their most verbose level for the test and restored after it, plus whatever the test adds
 * ({@code toString()}s, exceptions with their stack traces). Register it per test instance
 * with {@code @RegisterExtension}. Thread-safe: async callbacks log on other threads.
 */
public final class CapturedText implements BeforeEachCallback, AfterEachCallback {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedText(String... loggerNames) {
        for (String name : loggerNames) {
            loggers.add(Logger.getLogger(name));
        }
        handler.setLevel(Level.ALL);
    }

    /** Captures the records of {@code loggerNames} at {@link Level#ALL}. */
    public static CapturedText atAllLevels(String... loggerNames) {
        return new CapturedText(loggerNames);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Logger l : loggers) {
            l.setLevel(Level.ALL);
            l.addHandler(handler);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Logger l : loggers) {
            l.removeHandler(handler);
            l.setLevel(null);
        }
    }

    /** Adds {@code String.valueOf(o)}. */
    public void add(Object o) {
        synchronized (texts) {
            texts.add(String.valueOf(o));
        }
    }

    /** Adds {@code failure}'s stack trace (causes and messages included) and its {@code toString()}. */
    public void addFailure(Throwable failure) {
        StringWriter s = new StringWriter();
        failure.printStackTrace(new PrintWriter(s));
        add(s);
        add(failure);
    }

    /** {@return a copy of what was captured so far, in order} */
    public List<String> texts() {
        synchronized (texts) {
            return new ArrayList<>(texts);
        }
    }
}
