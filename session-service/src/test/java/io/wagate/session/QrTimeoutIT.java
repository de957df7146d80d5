package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pairing nobody completes stops after a few QRs (or codes) instead of rotating them forever. */
@ExtendWith(InfrastructureExtension.class)
class QrTimeoutIT {

    @Test
    void aSessionWhoseQrIsNeverScannedTimesOutAfterTheConfiguredRotations(Infrastructure infra) throws Exception {
        // Given a phone that never scans, QRs every 100 ms and a limit of 3
        String prefix = Infrastructure.uniqueTopicPrefix();
        Map<String, Object> properties =
                new HashMap<>(infra.serviceProperties(infra.postgres().newDatabase(), prefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", "qr:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=");
        properties.put("wagate.simulator.scan-delay", "1h");
        properties.put("wagate.simulator.qr-rotation", "100ms");
        properties.put("wagate.session.qr-max-rotations", 3);
        String sessionId = Commands.newSessionId();
        try (var service = ApplicationContext.run(EmbeddedServer.class, properties);
                var events = new KafkaTap(infra.kafkaBootstrapServers(), prefix + Topics.EVENTS);
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {

            // When
            producer.send(new ProducerRecord<>(prefix + Topics.COMMANDS, sessionId, Commands.connect(sessionId)))
                    .get();

            // Then
            await().atMost(Duration.ofSeconds(30)).until(() -> data(events, sessionId).stream()
                    .anyMatch(d -> d instanceof SessionStatusChanged s && s.getStatus() == SessionStatus.DISCONNECTED));
            // and no QR follows it: the count stays at 3 for five more rotation periods
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> data(events, sessionId).stream()
                                    .filter(SessionQrUpdated.class::isInstance)
                                    .count()
                            == 3);
            List<Object> data = data(events, sessionId);
            assertThat(data.getLast()).isInstanceOfSatisfying(SessionStatusChanged.class, last -> {
                assertThat(last.getStatus()).isEqualTo(SessionStatus.DISCONNECTED);
                assertThat(last.getReason()).isEqualTo("qr_timeout");
            });
        }
    }

    @Test
    void aPairingCodeNobodyEntersTimesOutAfterTheConfiguredRotations(Infrastructure infra) throws Exception {
        // Given a phone whose user never types the code, codes every 100 ms and a limit of 3
        String prefix = Infrastructure.uniqueTopicPrefix();
        Map<String, Object> properties =
                new HashMap<>(infra.serviceProperties(infra.postgres().newDatabase(), prefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", "qr:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=");
        properties.put("wagate.simulator.scan-delay", "1h");
        properties.put("wagate.simulator.qr-rotation", "100ms");
        properties.put("wagate.session.qr-max-rotations", 3);
        String sessionId = Commands.newSessionId();
        try (var service = ApplicationContext.run(EmbeddedServer.class, properties);
                var events = new KafkaTap(infra.kafkaBootstrapServers(), prefix + Topics.EVENTS);
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {

            // When
            producer.send(new ProducerRecord<>(
                            prefix + Topics.COMMANDS,
                            sessionId,
                            Commands.requestPairingCode(sessionId, "5511987654321")))
                    .get();

            // Then
            await().atMost(Duration.ofSeconds(30)).until(() -> data(events, sessionId).stream()
                    .anyMatch(d -> d instanceof SessionStatusChanged s && s.getStatus() == SessionStatus.DISCONNECTED));
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> data(events, sessionId).stream()
                                    .filter(io.wagate.schemas.v1.SessionPairingCodeIssued.class::isInstance)
                                    .count()
                            == 3);
            assertThat(data(events, sessionId).getLast())
                    .isEqualTo(new SessionStatusChanged(SessionStatus.DISCONNECTED, "pairing_code_timeout", null));
        }
    }

    private static List<Object> data(KafkaTap events, String sessionId) {
        return events.records().stream()
                .filter(record -> sessionId.equals(record.key()))
                .map(record -> (Object) EventCodec.decode(record.value()).getData())
                .toList();
    }
}
