package io.wagate.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient;
import io.wagate.api.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CommandTracingIT extends ApiTestBase {

    @Test
    void aCommandCarriesTheTraceOfTheRequestThatCausedIt() {
        // Given a caller that traces its requests (W3C Trace Context)
        String key = newOrganizationKey("traced");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";

        // When it creates a session
        ApiClient.Reply created = api.send(
                "POST",
                "/v1/sessions",
                key,
                ApiClient.json(Map.of("name", "traced")),
                "application/json",
                Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));

        // Then the command on Kafka continues that trace, under api-service's own span
        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.text("/id");
        assertThat(topics.traceparentsFor(sessionId))
                .singleElement()
                .asString()
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callerSpan);
    }
}
