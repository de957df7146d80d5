package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.TransportEvent.QrCodeIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QrRotationTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final String KEYS = ",bm9pc2U=,aWRlbnRpdHk=,YWR2,1";

    private final QrRotation rotation = new QrRotation(Duration.ofSeconds(60), Duration.ofSeconds(20));

    @Test
    void everyRefIsShownInTurnTheFirstOneLongest() {
        rotation.newSocket();
        rotation.cobaltQr("2@first" + KEYS);
        rotation.refs(List.of("2@first", "2@second", "2@third"));

        QrCodeIssued first = rotation.next(NOW).orElseThrow();
        QrCodeIssued second = rotation.next(NOW).orElseThrow();
        QrCodeIssued third = rotation.next(NOW).orElseThrow();

        assertThat(first).isEqualTo(new QrCodeIssued("2@first" + KEYS, NOW.plusSeconds(60), 1));
        assertThat(second).isEqualTo(new QrCodeIssued("2@second" + KEYS, NOW.plusSeconds(20), 2));
        assertThat(rotation.currentLifetime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(third.rotation()).isEqualTo(3);
        assertThat(rotation.next(NOW))
                .as("refs used up: a new socket is needed")
                .isEmpty();
    }

    @Test
    void theRotationCountGoesOnAcrossSockets() {
        rotation.newSocket();
        rotation.cobaltQr("2@a" + KEYS);
        rotation.next(NOW).orElseThrow();

        rotation.newSocket();
        assertThat(rotation.untouched()).isTrue();
        assertThat(rotation.next(NOW))
                .as("nothing to show before the socket's refs")
                .isEmpty();
        rotation.cobaltQr("2@b" + KEYS);
        QrCodeIssued next = rotation.next(NOW).orElseThrow();

        assertThat(next.rotation()).isEqualTo(2);
        assertThat(next.qr()).startsWith("2@b,");
        assertThat(next.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void theFullListOfRefsReplacesCobaltsSingleStandIn() {
        rotation.newSocket();
        rotation.cobaltQr("2@first" + KEYS);
        assertThat(rotation.ready()).isTrue();

        rotation.refs(List.of("2@first", "2@second"));
        rotation.next(NOW).orElseThrow();

        assertThat(rotation.next(NOW)).map(QrCodeIssued::qr).contains("2@second" + KEYS);
    }
}
