package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One endpoint that hangs cannot hold back the others: it gets at most its share of the attempts in
 * flight. Here 8 slots in all, 2 per endpoint, and a hanging endpoint that would otherwise take all 8.
 */
@ExtendWith(InfrastructureExtension.class)
class SlowEndpointIsolationIT {

    private static final String ORG = "org_isolation";
    private static final String KEY = "wag_org_isolation";

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(
                infrastructure,
                Map.of(
                        "wagate.webhooks.timeout", "10s",
                        "wagate.webhooks.lease", "30s",
                        "wagate.webhooks.max-concurrency", "8",
                        "wagate.webhooks.max-concurrency-per-endpoint", "2"));
        bed.apiService().knows(KEY, ORG);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aFastEndpointGetsEverythingPromptlyWhileAnotherEndpointHangs() {
        // Given an endpoint that hangs for 10 s on every request, and a fast one, both wanting every event
        register("hangs");
        register("fast");
        bed.receiver().answerAfter("hangs", Duration.ofSeconds(10));

        // When 50 events are emitted
        Instant emitted = Instant.now();
        for (int i = 0; i < 50; i++) {
            bed.events().send(EventProducer.messageEvent(ORG, EventProducer.newEventId(), MessageStatus.SENT));
        }

        // Then the fast endpoint has all 50 well before a single hanging attempt could end
        await().atMost(Duration.ofSeconds(8))
                .until(() -> bed.receiver().receivedBy("fast").size() == 50);
        assertThat(Duration.between(emitted, Instant.now())).isLessThan(Duration.ofSeconds(8));
        // And the hanging endpoint holds no more than its two slots
        assertThat(bed.receiver().receivedBy("hangs")).hasSizeLessThanOrEqualTo(2);
    }

    private static void register(String hook) {
        RunningWebhookService.Response created = bed.service()
                .post("/v1/webhooks", KEY, Map.of("url", bed.receiver().hook(hook)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
