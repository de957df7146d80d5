package io.wagate.media.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.format.MediaLimits;
import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.Organization;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Probes, metrics and defaults of a running service. */
@ExtendWith(InfrastructureExtension.class)
class HealthAndMetricsIT {

    @Test
    void readyWithPostgresAndS3AndWhatsAppsLimitsByDefault(Infrastructure infrastructure) {
        try (Testbed testbed = Testbed.start(infrastructure, Map.of(), false)) {
            Response readiness = testbed.service().get("/health/readiness", null);

            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            assertThat(readiness.text()).contains("\"s3\"", "\"jdbc\"");
            MediaLimits limits = testbed.service().context().getBean(MediaLimits.class);
            assertThat(limits.image()).isEqualTo(5L * 1024 * 1024);
            assertThat(limits.video()).isEqualTo(16L * 1024 * 1024);
            assertThat(limits.audio()).isEqualTo(16L * 1024 * 1024);
            assertThat(limits.voiceNote()).isEqualTo(16L * 1024 * 1024);
            assertThat(limits.document()).isEqualTo(100L * 1024 * 1024);
            assertThat(limits.sticker()).isEqualTo(5L * 1024 * 1024);
        }
    }

    @Test
    void notReadyWhileS3DoesNotAnswerThoughAlive(Infrastructure infrastructure) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> deadS3 =
                Map.of("wagate.s3.endpoint", "http://127.0.0.1:" + closedPort, "wagate.s3.create-bucket", false);
        try (Testbed testbed = Testbed.start(infrastructure, deadS3)) {
            Response readiness = testbed.service().get("/health/readiness", null);
            Response liveness = testbed.service().get("/health/liveness", null);

            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
        }
    }

    @Test
    void bytesInAndOutAndPreparationTimesAreExported(Infrastructure infrastructure) {
        try (Testbed testbed = Testbed.start(infrastructure, Map.of())) {
            Organization org = testbed.newOrganization();
            byte[] png = Fixtures.png(50, 50);
            Response prepared = testbed.service()
                    .postJson(
                            "/internal/v1/media/prepare",
                            Map.of(
                                    "organization_id",
                                    org.id(),
                                    "kind",
                                    "image",
                                    "base64",
                                    Base64.getEncoder().encodeToString(png)));
            String id = (String) prepared.json().get("id");
            testbed.service().get("/v1/media/" + id + "/content", org.apiKey());

            String metrics = testbed.service().get("/prometheus", null).text();

            assertThat(metrics)
                    .contains(
                            "wagate_media_bytes_total{direction=\"in\",service=\"media-service\"} " + png.length + ".0")
                    .contains("wagate_media_bytes_total{direction=\"out\",service=\"media-service\"} " + png.length
                            + ".0")
                    .containsPattern(
                            "(?m)^wagate_media_prepare_seconds_count\\{kind=\"image\",outcome=\"ok\",service=\"media-service\"} 1$");
        }
    }
}
