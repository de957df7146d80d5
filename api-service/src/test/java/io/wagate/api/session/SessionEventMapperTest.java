package io.wagate.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.api.support.Events;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionEventMapperTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void aStatusEventCarriesItsLowerCaseStatusReasonNumberAndTime() {
        // Given
        byte[] bytes = EventCodec.encode(Events.statusChanged(
                "sess_1",
                "org_1",
                io.wagate.schemas.v1.SessionStatus.LOGGED_OUT,
                "logged_out_from_phone",
                "551199",
                AT));

        // When
        SessionEvent event = SessionEventMapper.decode(bytes);

        // Then
        assertThat(event)
                .isEqualTo(new SessionEvent.StatusChanged(
                        "sess_1", AT, SessionStatus.LOGGED_OUT, "logged_out_from_phone", "551199"));
        assertThat(((SessionEvent.StatusChanged) event).status().wire()).isEqualTo("logged_out");
    }

    @Test
    void aQrEventCarriesTheQrItsExpiryAndRotation() {
        // Given
        byte[] bytes = EventCodec.encode(Events.qrUpdated("sess_1", "org_1", "2@qr", AT, 3));

        // When
        SessionEvent event = SessionEventMapper.decode(bytes);

        // Then
        assertThat(event).isEqualTo(new SessionEvent.QrUpdated("sess_1", new QrCode("2@qr", AT, 3)));
    }

    @Test
    void anUnknownStatusFromANewerProducerIsNotProjected() {
        // Given
        byte[] bytes = EventCodec.encode(
                Events.statusChanged("sess_1", "org_1", io.wagate.schemas.v1.SessionStatus.UNKNOWN, null, null, AT));

        // When / Then
        assertThat(SessionEventMapper.decode(bytes)).isInstanceOf(SessionEvent.Ignored.class);
    }

    @Test
    void messageEventsAreNotProjectedYet() {
        // Given
        byte[] bytes = EventCodec.encode(Event.newBuilder()
                .setEventId("evt_1")
                .setCreatedAt(AT)
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setData(MessageStatusChanged.newBuilder()
                        .setMessageId("msg_1")
                        .setRecipient("5511999999999@s.whatsapp.net")
                        .setStatus(MessageStatus.DELIVERED)
                        .build())
                .build());

        // When / Then
        assertThat(SessionEventMapper.decode(bytes)).isEqualTo(new SessionEvent.Ignored("sess_1", "message.delivered"));
    }

    @Test
    void bytesThatAreNoEventAreUndecodable() {
        assertThatThrownBy(() -> SessionEventMapper.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(UndecodableRecordException.class);
    }
}
