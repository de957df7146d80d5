package io.wagate.session.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.schemas.EventCodec;
import io.wagate.schemas.EventTypes;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.SessionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private static final SessionRef SESSION = new SessionRef("sess_1", "org_1");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aStatusChangeTravelsAsSessionStatusWithItsReasonAndPhone() {
        Event event = roundTrip(new SessionEvent.StatusChanged(SessionStatus.CONNECTED, "scanned", "15550000001"));

        assertThat(EventTypes.of(event)).isEqualTo(EventTypes.SESSION_STATUS);
        assertThat(event.getEventId()).isEqualTo("evt_1");
        assertThat(event.getCreatedAt()).isEqualTo(NOW);
        assertThat(event.getSessionId()).isEqualTo("sess_1");
        assertThat(event.getOrganizationId()).isEqualTo("org_1");
        assertThat(event.getData())
                .isEqualTo(new SessionStatusChanged(
                        io.wagate.schemas.v1.SessionStatus.CONNECTED, "scanned", "15550000001"));
    }

    @Test
    void aQrTravelsAsSessionQrWithItsExpiryAndRotation() {
        Event event = roundTrip(new SessionEvent.QrUpdated("2@abc,d,e,f", NOW.plusSeconds(20), 3));

        assertThat(EventTypes.of(event)).isEqualTo(EventTypes.SESSION_QR);
        assertThat(event.getData()).isEqualTo(new SessionQrUpdated("2@abc,d,e,f", NOW.plusSeconds(20), 3));
    }

    @Test
    void aFailedMessageTravelsAsMessageFailedWithItsCodeAndReferences() {
        Event event = roundTrip(new SessionEvent.MessageUpdated(
                "msg_1",
                "order-42",
                Map.of("k", "v"),
                null,
                "5511900000000@s.whatsapp.net",
                MessageStatus.FAILED,
                new SessionEvent.Failure("not_on_whatsapp", "not on WhatsApp")));

        assertThat(EventTypes.of(event)).isEqualTo(EventTypes.MESSAGE_FAILED);
        var data = (MessageStatusChanged) event.getData();
        assertThat(data.getMessageId()).isEqualTo("msg_1");
        assertThat(data.getClientRef()).isEqualTo("order-42");
        assertThat(data.getMetadata()).containsExactly(Map.entry("k", "v"));
        assertThat(data.getRecipient()).isEqualTo("5511900000000@s.whatsapp.net");
        assertThat(data.getFailure().getCode()).isEqualTo("not_on_whatsapp");
    }

    @Test
    void everyMessageStatusButPendingHasItsEventType() {
        for (MessageStatus status : MessageStatus.values()) {
            if (status == MessageStatus.PENDING || status == MessageStatus.FAILED) {
                continue;
            }
            Event event = roundTrip(new SessionEvent.MessageUpdated(
                    "msg_1", null, Map.of(), "3EB0AAAA", "1@s.whatsapp.net", status, null));
            assertThat(EventTypes.of(event))
                    .isEqualTo("message." + status.name().toLowerCase());
        }
        assertThatThrownBy(() -> new SessionEvent.MessageUpdated(
                        "msg_1", null, Map.of(), null, "1@s.whatsapp.net", MessageStatus.PENDING, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Event roundTrip(SessionEvent event) {
        return EventCodec.decode(EventCodec.encode(EventMapper.toAvro("evt_1", NOW, SESSION, event)));
    }
}
