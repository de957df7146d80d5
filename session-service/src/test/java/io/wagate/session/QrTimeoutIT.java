package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A pairing nobody completes stops after a few QRs (or codes) instead of rotating them forever. */
@ExtendWith(InfrastructureExtension.class)
class QrTimeoutIT {

    static Stream<Arguments> pairings() {
        return Stream.of(
                Arguments.of(
                        "a QR never scanned",
                        (Function<String, byte[]>) Commands::connect,
                        SessionQrUpdated.class,
                        "qr_timeout"),
                Arguments.of(
                        "a pairing code nobody enters",
                        (Function<String, byte[]>) sessionId -> Commands.requestPairingCode(sessionId, "5511987654321"),
                        SessionPairingCodeIssued.class,
                        "pairing_code_timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairings")
    void aPairingNobodyCompletesTimesOutAfterTheConfiguredRotations(
            String what, Function<String, byte[]> command, Class<?> rotation, String reason, Infrastructure infra)
            throws Exception {
        // Given a phone that never completes the pairing, a new QR or code every 100 ms and a limit of 3
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
            producer.send(new ProducerRecord<>(prefix + Topics.COMMANDS, sessionId, command.apply(sessionId)))
                    .get();

            // Then
            await().atMost(Duration.ofSeconds(30)).until(() -> data(events, sessionId).stream()
                    .anyMatch(d -> d instanceof SessionStatusChanged s && s.getStatus() == SessionStatus.DISCONNECTED));
            // and none follows it: the count stays at 3 for five more rotation periods
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> data(events, sessionId).stream()
                                    .filter(rotation::isInstance)
                                    .count()
                            == 3);
            assertThat(data(events, sessionId).getLast())
                    .isEqualTo(new SessionStatusChanged(SessionStatus.DISCONNECTED, reason, null));
        }
    }

    private static List<Object> data(KafkaTap events, String sessionId) {
        return events.records().stream()
                .filter(record -> sessionId.equals(record.key()))
                .map(record -> (Object) EventCodec.decode(record.value()).getData())
                .toList();
    }
}
