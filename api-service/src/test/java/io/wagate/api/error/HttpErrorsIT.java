package io.wagate.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;

/** Errors the framework raises by itself still answer in the envelope, with stable codes. */
@MicronautTest(transactional = false)
class HttpErrorsIT extends ApiTestBase {

    @Test
    void malformedJsonIsInvalidJson() {
        // When
        var reply = api.send("POST", "/v1/sessions", ADMIN_KEY, "{\"name\": ", "application/json");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_json");
        assertThat(reply.body().at("/error/details").isObject()).isTrue();
    }

    @Test
    void malformedJsonOnASendIsInvalidJsonToo() {
        // When
        var reply = api.send("POST", "/v1/sessions/sess_x/messages", ADMIN_KEY, "{to:", "application/json");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void aMissingRequiredBodyIsInvalidJson() {
        // When
        var reply = api.send("POST", "/v1/sessions/sess_x/messages", ADMIN_KEY, null, "application/json");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void anUnknownRouteIsNotFoundInTheEnvelope() {
        // When
        var underV1 = api.get("/v1/nothing-here", ADMIN_KEY);
        var elsewhere = api.get("/nothing-here", null);

        // Then
        assertThat(underV1.status()).isEqualTo(404);
        assertThat(underV1.errorCode()).isEqualTo("not_found");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.errorCode()).isEqualTo("not_found");
        assertThat(elsewhere.text("/error/message")).isNotBlank();
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        // When
        var reply = api.send("PUT", "/v1/sessions", ADMIN_KEY, "{}", "application/json");

        // Then
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo("method_not_allowed");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedContentType() {
        // When
        var reply = api.send("POST", "/v1/api-keys", ADMIN_KEY, "name=ci", "application/x-www-form-urlencoded");

        // Then
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo("unsupported_content_type");
    }

    @Test
    void healthIsUpWhenTheStoresAre() {
        // When
        var reply = api.get("/health", null);

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/status")).isEqualTo("UP");
    }
}
