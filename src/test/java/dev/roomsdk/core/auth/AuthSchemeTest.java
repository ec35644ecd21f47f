package dev.roomsdk.core.auth;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.BiFunction;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Where a credential lands on a request, and what else the request keeps. */
class AuthSchemeTest {

    static final Request BASE = new Request.Builder().url("http://127.0.0.1/rooms").build();

    @Test
    void cookieIsAddedAsTheOnlyCookie() {
        Request r = AuthScheme.cookie("ZM_AUTH_TOKEN").apply(BASE, AccessToken.of("t1"));

        assertEquals("ZM_AUTH_TOKEN=t1", r.header("Cookie"));
    }

    @Test
    void cookieKeepsOtherCookiesFromEveryCookieHeaderAndReplacesItsOwnPair() {
        Request rejected = BASE.newBuilder().addHeader("Cookie", "lb=node-1")
                .addHeader("Cookie", "ZM_AUTH_TOKEN=old; JSESSIONID=s-42;").build();

        Request resent = AuthScheme.cookie("ZM_AUTH_TOKEN").apply(rejected, AccessToken.of("new"));

        assertEquals(1, resent.headers("Cookie").size(), "one merged Cookie header");
        assertEquals("lb=node-1; JSESSIONID=s-42; ZM_AUTH_TOKEN=new", resent.header("Cookie"));
    }

    @Test
    void cookieNamedLikeASuffixOfTheAuthCookieIsKept() {
        Request r = BASE.newBuilder().header("Cookie", "OLD_ZM_AUTH_TOKEN=x").build();

        assertEquals("OLD_ZM_AUTH_TOKEN=x; ZM_AUTH_TOKEN=t", AuthScheme.cookie("ZM_AUTH_TOKEN").apply(r, AccessToken.of("t"))
                .header("Cookie"));
    }

    @Test
    void bearerReplacesAnyAuthorizationHeader() {
        Request r = BASE.newBuilder().header("Authorization", "Bearer old").build();

        Request applied = AuthScheme.bearer().apply(r, AccessToken.of("new"));

        assertEquals(1, applied.headers("Authorization").size());
        assertEquals("Bearer new", applied.header("Authorization"));
    }

    @Test
    void missingPartsOfTheCredentialPlumbingAreConfigurationErrors() {
        TokenProvider tokens = TokenProvider.of("t1");
        assertEquals("cookie name must not be null",
                refusedSetting(() -> AuthScheme.cookie(null)));
        assertEquals("scheme must not be null",
                refusedSetting(() -> AuthInterceptor.reapplyAfterCookieJar(null)));
        List<BiFunction<TokenProvider, AuthScheme, Object>> plumbing = List.of(AuthInterceptor::new, TokenAuthenticator::new);
        for (BiFunction<TokenProvider, AuthScheme, Object> part : plumbing) {
            assertEquals("scheme must not be null", refusedSetting(() -> part.apply(tokens, null)));
            assertEquals("tokens must not be null", refusedSetting(() -> part.apply(null, AuthScheme.bearer())));
        }
    }
}
