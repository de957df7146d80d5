package io.wagate.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MetricsIT extends ApiTestBase {

    @Test
    void prometheusShowsHowLongKafkaTookToAcknowledgeAcceptedCommands() throws Exception {
        // Given a send went through
        String key = newOrganizationKey("Observed");
        String sessionId = connectedSession(key);
        api.post(
                "/v1/sessions/" + sessionId + "/messages?async=true",
                key,
                Map.of("to", "5511999999999", "type", "text", "text", "measured"));

        // When
        var scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.getURI() + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("wagate_send_latency_seconds_count{service=\"api-service\",stage=\"kafka_ack\"}")
                .contains("http_server_requests_seconds_count");
    }
}
