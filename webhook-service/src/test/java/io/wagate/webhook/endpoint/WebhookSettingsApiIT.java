package io.wagate.webhook.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.ApiServiceContractStub;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.RunningWebhookService.Response;
import io.wagate.webhook.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook settings beyond URL and events, secret rotation, and the attempt, recovery and stream calls' errors. */
@ExtendWith(InfrastructureExtension.class)
class WebhookSettingsApiIT {

    private static final String ORG_A_KEY = "wag_org_a_key";
    private static final String ORG_B_KEY = "wag_org_b_key";
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/wagate";

    private static WebhookReceiver peer;
    private static RunningWebhookService service;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        peer = WebhookReceiver.start();
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
    void aWebhookIsRegisteredWithEverySettingAndAnswersThem() {
        Map<String, Object> request = new HashMap<>();
        request.put("url", PUBLIC_URL);
        request.put("events", List.of("message.failed", "webhook.endpoint.disabled"));
        request.put("session_ids", List.of("sess_01JD7Q0A1B2C3D4E5F6G7H8J9K"));
        request.put("rate_limit", 25);
        request.put("ordering", "fifo");
        request.put("enabled", false);

        Response created = service.post("/v1/webhooks", ORG_A_KEY, request);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("session_ids", List.of("sess_01JD7Q0A1B2C3D4E5F6G7H8J9K"))
                .containsEntry("rate_limit", 25)
                .containsEntry("ordering", "fifo")
                .containsEntry("enabled", false);
    }

    @Test
    void aNewWebhookIsEnabledBestEffortAndUnlimited() {
        Response created = service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL));

        assertThat(created.json())
                .containsEntry("enabled", true)
                .containsEntry("ordering", "best_effort")
                .containsEntry("rate_limit", null)
                .containsEntry("session_ids", List.of())
                .containsEntry("disabled_reason", null);
    }

    @Test
    void patchingAWebhookChangesOnlyWhatThePatchNames() {
        // Given a webhook with a description and an event filter
        String id = (String) service.post(
                        "/v1/webhooks",
                        ORG_A_KEY,
                        Map.of("url", PUBLIC_URL, "events", List.of("message.sent"), "description", "CRM"))
                .json()
                .get("id");

        // When its description, rate limit and ordering are patched
        Response patched = service.patch(
                "/v1/webhooks/" + id,
                ORG_A_KEY,
                Map.of("description", "billing", "rate_limit", 10, "ordering", "fifo", "enabled", false));

        // Then those changed, and the rest is as it was, also when read again
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(service.get("/v1/webhooks/" + id, ORG_A_KEY).json())
                .containsEntry("description", "billing")
                .containsEntry("rate_limit", 10)
                .containsEntry("ordering", "fifo")
                .containsEntry("enabled", false)
                .containsEntry("url", PUBLIC_URL)
                .containsEntry("events", List.of("message.sent"));
    }

    @Test
    void patchingTheUrlToAnInternalAddressIsNotAllowedAndChangesNothing() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response patched =
                service.patch("/v1/webhooks/" + id, ORG_A_KEY, Map.of("url", "http://169.254.169.254/latest/"));

        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.errorCode()).isEqualTo("url_not_allowed");
        assertThat(service.get("/v1/webhooks/" + id, ORG_A_KEY).json()).containsEntry("url", PUBLIC_URL);
    }

    @Test
    void aPatchWithAnUnknownFieldOrABadValueIsAValidationErrorOnThatField() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response unknown = service.patch("/v1/webhooks/" + id, ORG_A_KEY, Map.of("secret", "whsec_mine"));
        Response badOrdering = service.patch("/v1/webhooks/" + id, ORG_A_KEY, Map.of("ordering", "strict"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorDetails()).containsEntry("field", "secret");
        assertThat(badOrdering.status()).isEqualTo(400);
        assertThat(badOrdering.errorDetails()).containsEntry("field", "ordering");
    }

    @Test
    void anotherOrganizationCanNeitherPatchNorRotateAWebhook() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        assertThat(service.patch("/v1/webhooks/" + id, ORG_B_KEY, Map.of("description", "mine"))
                        .status())
                .isEqualTo(404);
        assertThat(service.post("/v1/webhooks/" + id + "/secret/rotate", ORG_B_KEY, Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rotatingTheSecretAnswersANewOneAndHowLongTheOldOneStillSigns() {
        Map<String, Object> created = service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json();

        Response rotated = service.post("/v1/webhooks/" + created.get("id") + "/secret/rotate", ORG_A_KEY, Map.of());

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat((String) rotated.json().get("secret")).startsWith("whsec_").isNotEqualTo(created.get("secret"));
        assertThat(Instant.parse((String) rotated.json().get("previous_secret_expires_at")))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void theAttemptLogOfAnotherOrganizationsWebhookOrEventIsNotFound() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        assertThat(service.get("/v1/webhooks/" + id + "/attempts", ORG_B_KEY).status())
                .isEqualTo(404);
        assertThat(service.get("/v1/events/evt_unknown/attempts", ORG_B_KEY).status())
                .isEqualTo(404);
        assertThat(service.get("/v1/webhooks/" + id + "/attempts", ORG_A_KEY).json())
                .containsEntry("data", List.of())
                .containsEntry("has_more", false);
    }

    @Test
    void anAttemptPageLimitOutOfRangeIsAValidationErrorOnLimit() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response response = service.get("/v1/webhooks/" + id + "/attempts?limit=500", ORG_A_KEY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorDetails()).containsEntry("field", "limit");
    }

    @Test
    void recoveringNeedsASinceInThePastAndAnEnabledWebhook() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response noSince = service.post("/v1/webhooks/" + id + "/recover", ORG_A_KEY, Map.of());
        Response future = service.post(
                "/v1/webhooks/" + id + "/recover",
                ORG_A_KEY,
                Map.of("since", Instant.now().plus(Duration.ofDays(1)).toString()));
        service.patch("/v1/webhooks/" + id, ORG_A_KEY, Map.of("enabled", false));
        Response disabled =
                service.post("/v1/webhooks/" + id + "/recover", ORG_A_KEY, Map.of("since", "2025-01-01T00:00:00Z"));
        Response retryDisabled =
                service.post("/v1/webhooks/" + id + "/deliveries/dlv_unknown/retry", ORG_A_KEY, Map.of());

        assertThat(noSince.status()).isEqualTo(400);
        assertThat(noSince.errorDetails()).containsEntry("field", "since");
        assertThat(future.status()).isEqualTo(400);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.errorCode()).isEqualTo("endpoint_disabled");
        assertThat(retryDisabled.status()).isEqualTo(409);
    }

    @Test
    void retryingADeliveryTheWebhookNeverHadIsNotFound() {
        String id = (String) service.post("/v1/webhooks", ORG_A_KEY, Map.of("url", PUBLIC_URL))
                .json()
                .get("id");

        Response response = service.post("/v1/webhooks/" + id + "/deliveries/dlv_unknown/retry", ORG_A_KEY, Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void theEventStreamRefusesAnUnknownTypeAndAMissingKey() {
        Response unknownType = service.get("/v1/events?types=message.seen", ORG_A_KEY);
        Response noKey = service.get("/v1/events", null);

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.errorCode()).isEqualTo("validation_error");
        assertThat(noKey.status()).isEqualTo(401);
    }
}
