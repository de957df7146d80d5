package io.wagate.webhook.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.ApiServiceContractStub;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.RunningWebhookService.Response;
import io.wagate.webhook.testing.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(InfrastructureExtension.class)
class WebhookApiIT {

    private static final String ORG_A_KEY = "wag_org_a_key";
    private static final String ORG_B_KEY = "wag_org_b_key";
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/wagate";

    private static WebhookReceiver peer;
    private static ApiServiceContractStub apiService;
    private static RunningWebhookService service;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        peer = WebhookReceiver.start();
        apiService =
                ApiServiceContractStub.servedBy(peer).knows(ORG_A_KEY, "org_a").knows(ORG_B_KEY, "org_b");
        service = RunningWebhookService.start(RunningWebhookService.properties(
                infrastructure,
                infrastructure.postgres().newDatabase(),
                Infrastructure.uniqueTopicPrefix(),
                peer.baseUrl()));
    }

    @AfterAll
    static void stop() {
        service.close();
        peer.close();
    }

    @Test
    void registeringAWebhookAnswersItWithItsSigningSecret() {
        // When
        Response created = service.post(
                "/v1/webhooks",
                ORG_A_KEY,
                Map.of("url", PUBLIC_URL, "events", List.of("message.sent", "session.status"), "description", "CRM"));

        // Then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("url", PUBLIC_URL)
                .containsEntry("events", List.of("message.sent", "session.status"))
                .containsEntry("description", "CRM")
                .containsKey("created_at");
        assertThat((String) created.json().get("id")).startsWith("whk_");
        assertThat((String) created.json().get("secret")).startsWith("whsec_");
    }

    @Test
    void aWebhookWithoutEventsReceivesEveryTypeAndShowsNoDescription() {
        Response created = service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("events", List.of()).containsEntry("description", null);
    }

    @Test
    void listingAndReadingAWebhookNeverShowItsSecret() {
        // Given
        String id = (String) service.post("/v1/webhooks", ORG_B_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        // When
        Response list = service.get("/v1/webhooks", ORG_B_KEY);
        Response one = service.get("/v1/webhooks/" + id, ORG_B_KEY);

        // Then
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id).doesNotContain("secret").doesNotContain("whsec_");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).containsEntry("id", id).doesNotContainKey("secret");
    }

    @Test
    void anotherOrganizationsWebhookIsNotFound() {
        // Given a webhook of organization A
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        // Then organization B can neither see, list nor delete it
        Response read = service.get("/v1/webhooks/" + id, ORG_B_KEY);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.errorCode()).isEqualTo("not_found");
        assertThat(service.get("/v1/webhooks", ORG_B_KEY).body()).doesNotContain(id);
        assertThat(service.delete("/v1/webhooks/" + id, ORG_B_KEY).status()).isEqualTo(404);
        assertThat(service.get("/v1/webhooks/" + id, ORG_A_KEY).status()).isEqualTo(200);
    }

    @Test
    void aDeletedWebhookIsGone() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response deleted = service.delete("/v1/webhooks/" + id, ORG_A_KEY);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(service.get("/v1/webhooks/" + id, ORG_A_KEY).status()).isEqualTo(404);
        assertThat(service.get("/v1/webhooks", ORG_A_KEY).body()).doesNotContain(id);
        assertThat(service.delete("/v1/webhooks/" + id, ORG_A_KEY).status()).isEqualTo(404);
    }

    @Test
    void aCallWithoutAnApiKeyIsUnauthorized() {
        Response response = service.get("/v1/webhooks", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void aCallWithAnUnknownApiKeyIsUnauthorized() {
        Response response = service.post("/v1/webhooks", "wag_nobody", Map.of("url", PUBLIC_URL));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void anApiKeyIsCheckedWithApiServiceOnceForManyCalls() {
        apiService.knows("wag_busy_key", "org_busy");
        int before = apiService.introspections();

        for (int i = 0; i < 5; i++) {
            assertThat(service.get("/v1/webhooks", "wag_busy_key").status()).isEqualTo(200);
        }

        assertThat(apiService.introspections() - before).isEqualTo(1);
    }

    @Test
    void whenApiServiceIsDownAKeyCannotBeCheckedAndTheCallIsUnavailable() {
        apiService.knows("wag_never_seen_key", "org_c");
        apiService.available(false);
        try {
            Response response = service.get("/v1/webhooks", "wag_never_seen_key");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("unavailable");
        } finally {
            apiService.available(true);
        }
        assertThat(service.get("/v1/webhooks", "wag_never_seen_key").status()).isEqualTo(200);
    }

    @Test
    void anUnknownEventTypeIsAValidationErrorOnEvents() {
        Response response =
                service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL, "events", List.of("message.seen")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_error");
        assertThat(response.errorDetails()).containsEntry("field", "events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/hook", "ftp://93.184.216.34/hook", "not a url"})
    void aUrlThatIsNotAbsoluteHttpIsAValidationErrorOnUrl(String url) {
        Response response = service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", url));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_error");
        assertThat(response.errorDetails()).containsEntry("field", "url");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hook",
                "http://localhost:8082/v1/webhooks",
                "http://[::1]/hook"
            })
    void aUrlReachingAnInternalAddressIsNotAllowed(String url) {
        Response response = service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", url));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("url_not_allowed");
    }

    @Test
    void malformedJsonIsInvalidJson() {
        Response response = service.call("POST", "/v1/webhooks", ORG_A_KEY, "application/json", "{\"url\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void aMissingBodyIsInvalidJson() {
        Response response = service.call("POST", "/v1/webhooks", ORG_A_KEY, "application/json", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedContentType() {
        Response response = service.call("POST", "/v1/webhooks", ORG_A_KEY, "text/plain", "url=x");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("unsupported_content_type");
    }

    @Test
    void anUnknownRouteIsNotFoundInTheErrorEnvelope() {
        Response response = service.get("/v1/nothing-here", ORG_A_KEY);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.json().get("error")).isInstanceOf(Map.class);
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        Response response = service.call("PUT", "/v1/webhooks", ORG_A_KEY, "application/json", "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("method_not_allowed");
    }

    @Test
    void healthIsUpWhileItsDatabaseIs() {
        Response response = service.get("/health", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).containsEntry("status", "UP");
        assertThat(response.body()).contains("jdbc");
    }
}
