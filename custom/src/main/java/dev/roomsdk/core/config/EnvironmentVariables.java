package dev.roomsdk.core.config;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an entry point's configuration from environment variables, for the builders'
 * {@code fromEnv()} methods. An empty variable counts as unset. Failures are
 * {@link InvalidConfigurationException}s that name the variable and what it is for, and never
 * quote a secret, so a secret in the environment never reaches a message or a log.
 */
public final class EnvironmentVariables {

    private final Map<String, String> env;
    private final String api;

    private EnvironmentVariables(Map<String, String> env, String api) {
        this.env = env;
        this.api = api;
    }

    /**
     * Variables of {@code env} (usually {@link System#getenv()}) for the entry point named {@code api}.
     *
     * @param env the variables to read
     * @param api the entry point, named in failure messages
     * @return a reader over {@code env}
     * @throws InvalidConfigurationException if {@code env} or {@code api} is null
     */
    public static EnvironmentVariables of(Map<String, String> env, String api) {
        return new EnvironmentVariables(Checks.settingNotNull("env", env), Checks.settingNotNull("api", api));
    }

    /**
     * The value of {@code name}, or null when it is unset or empty.
     *
     * @param name the variable
     * @return its value, or null
     */
    public String optional(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Fails, naming every one of {@code names} that is unset or empty, unless all are set.
     *
     * @param what what the variables are, for the message (e.g. "the Videsk api-token")
     * @param names the variables that must be set
     * @throws InvalidConfigurationException naming the missing variables
     */
    public void requireAll(String what, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (optional(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException(api + ".builder().fromEnv(): " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set (" + what + ")");
        }
    }

    /**
     * The value of {@code name}, which must be set.
     *
     * @param name the variable
     * @param what what it is, for the message
     * @return its value
     * @throws InvalidConfigurationException naming {@code name} when it is unset or empty
     */
    public String required(String name, String what) {
        requireAll(what, name);
        return optional(name);
    }

    /**
     * Applies {@code use} to the value of {@code name} when it is set; a failure of {@code use}
     * (an {@link InvalidConfigurationException} from a builder method, such as a malformed URL,
     * or an {@link IllegalArgumentException} from a parser such as {@code UUID.fromString})
     * becomes an {@link InvalidConfigurationException} naming the variable and, unless
     * {@code secret}, the reason, never the value when {@code secret}.
     *
     * @param name the variable
     * @param secret whether the value is a credential, whose reason is not shown
     * @param use what to do with the value
     * @param <T> what {@code use} returns
     * @return what {@code use} returned, or null when the variable is unset
     * @throws InvalidConfigurationException when {@code use} refuses the value
     */
    public <T> T apply(String name, boolean secret, Function<String, T> use) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        try {
            return use.apply(value);
        } catch (InvalidConfigurationException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(api + ".builder().fromEnv(): " + name + " is not usable"
                    + (secret ? " (its value is not shown)" : ": " + e.getMessage()));
        }
    }
}
