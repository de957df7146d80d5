package io.wagate.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEventMapperTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Instant CREATED_AT = Instant.parse("2025-03-04T05:06:07.089Z");

    private final WebhookEventMapper mapper = new WebhookEventMapper(JSON);

    @Test
    void aSessionStatusEventBecomesTheDocumentedJson() throws IOException {
        Event event = event(SessionStatusChanged.newBuilder()
                .setStatus(SessionStatus.LOGGED_OUT)
                .setReason("logged_out_from_phone")
                .setPhoneNumber("5511999999999")
                .build());

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("session.status");
        assertThat(mapped.organizationId()).isEqualTo("org_1");
        assertThat(mapped.payload())
                .startsWith("{\"id\":\"evt_1\",\"type\":\"session.status\",\"created_at\":\"2025-03-04T05:06:07.089Z\","
                        + "\"session_id\":\"sess_1\",\"data\":");
        assertThat(data(mapped))
                .containsExactly(
                        Map.entry("status", "logged_out"),
                        Map.entry("reason", "logged_out_from_phone"),
                        Map.entry("phone_number", "5511999999999"));
    }

    @Test
    void absentOptionalFieldsAreWrittenAsNull() throws IOException {
        Event event = event(
                SessionStatusChanged.newBuilder().setStatus(SessionStatus.QR).build());

        assertThat(data(mapper.decode(EventCodec.encode(event))))
                .containsEntry("status", "qr")
                .containsEntry("reason", null)
                .containsEntry("phone_number", null);
    }

    @Test
    void aQrEventCarriesTheQrItsExpiryAndRotation() throws IOException {
        Event event = event(SessionQrUpdated.newBuilder()
                .setQr("2@abc,def")
                .setExpiresAt(Instant.parse("2025-03-04T05:07:07Z"))
                .setRotation(2)
                .build());

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("session.qr");
        assertThat(data(mapped))
                .containsExactly(
                        Map.entry("qr", "2@abc,def"),
                        Map.entry("expires_at", "2025-03-04T05:07:07Z"),
                        Map.entry("rotation", 2));
    }

    @Test
    void aMessageEventNamesTheRecipientAsToAndHasANullError() throws IOException {
        Event event = event(message(MessageStatus.DELIVERED, null));

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("message.delivered");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("message_id", "msg_1");
        expected.put("client_ref", "order-42");
        expected.put("metadata", Map.of("a", "1", "b", "2"));
        expected.put("wa_message_id", "3EB0ABC");
        expected.put("to", "5511988887777@s.whatsapp.net");
        expected.put("status", "delivered");
        expected.put("error", null);
        assertThat(data(mapped)).containsExactlyEntriesOf(expected);
    }

    @Test
    void aFailedMessageEventCarriesItsErrorCodeAndMessage() throws IOException {
        Event event = event(message(MessageStatus.FAILED, new MessageFailure("not_on_whatsapp", "no such user")));

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("message.failed");
        assertThat(data(mapped))
                .containsEntry("status", "failed")
                .containsEntry("error", Map.of("code", "not_on_whatsapp", "message", "no such user"));
    }

    @Test
    void bytesThatAreNotAnEventAreUndecodable() {
        assertThatThrownBy(() -> mapper.decode("not avro".getBytes())).isInstanceOf(UndecodableRecordException.class);
        assertThatThrownBy(() -> mapper.decode(null)).isInstanceOf(UndecodableRecordException.class);
    }

    private static MessageStatusChanged message(MessageStatus status, MessageFailure failure) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("b", "2");
        metadata.put("a", "1");
        return MessageStatusChanged.newBuilder()
                .setMessageId("msg_1")
                .setClientRef("order-42")
                .setMetadata(metadata)
                .setWaMessageId("3EB0ABC")
                .setRecipient("5511988887777@s.whatsapp.net")
                .setStatus(status)
                .setFailure(failure)
                .build();
    }

    private static Event event(Object data) {
        return Event.newBuilder()
                .setEventId("evt_1")
                .setCreatedAt(CREATED_AT)
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setData(data)
                .build();
    }

    private static Map<String, Object> data(WebhookEvent event) throws IOException {
        Map<String, Object> payload = JSON.readValue(event.payload(), Argument.mapOf(String.class, Object.class));
        assertThat(payload).containsKeys("id", "type", "created_at", "session_id", "data");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) payload.get("data");
        return data;
    }
}
