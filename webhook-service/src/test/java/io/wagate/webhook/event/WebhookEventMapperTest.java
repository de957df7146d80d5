package io.wagate.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.GroupParticipant;
import io.wagate.schemas.v1.GroupRole;
import io.wagate.schemas.v1.MediaKind;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.QuotedContext;
import io.wagate.schemas.v1.ReceivedContacts;
import io.wagate.schemas.v1.ReceivedEdit;
import io.wagate.schemas.v1.ReceivedLocation;
import io.wagate.schemas.v1.ReceivedMedia;
import io.wagate.schemas.v1.ReceivedMediaError;
import io.wagate.schemas.v1.ReceivedPoll;
import io.wagate.schemas.v1.ReceivedPollVote;
import io.wagate.schemas.v1.ReceivedReaction;
import io.wagate.schemas.v1.ReceivedRevoke;
import io.wagate.schemas.v1.ReceivedText;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.webhook.media.MediaLinkSettings;
import io.wagate.webhook.media.MediaLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookEventMapperTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Instant CREATED_AT = Instant.parse("2025-03-04T05:06:07.089Z");

    private static final String SIGNING_KEY = "c2lnbmluZy1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXMh";
    private static final Instant NOW = Instant.parse("2025-03-04T06:00:00Z");

    private final WebhookEventMapper mapper = new WebhookEventMapper(
            JSON,
            new MediaLinks(
                    "https://wagate.example.com/",
                    new MediaLinkSettings(SIGNING_KEY, null),
                    Clock.fixed(NOW, ZoneOffset.UTC)));

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
    void aPairingCodeEventCarriesTheCodeThePhoneAndTheExpiry() throws IOException {
        Event event =
                event(new SessionPairingCodeIssued("ABCD1234", "5511999999999", Instant.parse("2025-03-04T05:09:07Z")));

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("session.pairing_code");
        assertThat(data(mapped))
                .containsExactly(
                        Map.entry("code", "ABCD1234"),
                        Map.entry("phone_number", "5511999999999"),
                        Map.entry("expires_at", "2025-03-04T05:09:07Z"));
    }

    @Test
    void aReceivedTextNamesItsChatSenderQuoteAndMentions() throws IOException {
        Event event = event(received(
                new QuotedContext("3EB0OURS", "msg_0", "15550001111@s.whatsapp.net", "hi"), new ReceivedText("hello")));

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("message.received");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("message_id", "msg_1");
        expected.put("wa_message_id", "3AIN");
        expected.put("chat", "120363000000000001@g.us");
        expected.put("sender", "5511900000004@s.whatsapp.net");
        expected.put("push_name", "Ana");
        expected.put("sent_at", "2025-03-04T05:06:00Z");
        expected.put("mentions", List.of("15550001111@s.whatsapp.net"));
        expected.put(
                "quoted",
                Map.of(
                        "wa_message_id", "3EB0OURS",
                        "message_id", "msg_0",
                        "sender", "15550001111@s.whatsapp.net",
                        "text", "hi"));
        expected.put("type", "text");
        expected.put("content", Map.of("text", "hello"));
        assertThat(data(mapped)).containsExactlyEntriesOf(expected);
    }

    @Test
    void receivedMediaCarriesALinkSignedAsMediaServiceChecksItValidForTwoDays() throws Exception {
        Event event = event(received(
                null, new ReceivedMedia(MediaKind.VOICE_NOTE, "med_9", "audio/ogg", 1234L, "ab12", null, null, null)));

        Map<String, Object> data = data(mapper.decode(EventCodec.encode(event)));

        assertThat(data).containsEntry("type", "voice_note").containsEntry("quoted", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) data.get("content");
        long expires = NOW.plusSeconds(48 * 3600).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SIGNING_KEY), "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(("med_9." + expires).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("media_id", "med_9");
        expected.put("mimetype", "audio/ogg");
        expected.put("size", 1234);
        expected.put("sha256", "ab12");
        expected.put("caption", null);
        expected.put("filename", null);
        expected.put(
                "url",
                "https://wagate.example.com/v1/media/med_9/content?expires=" + expires + "&signature=" + signature);
        expected.put("url_expires_at", "2025-03-06T06:00:00Z");
        expected.put("error", null);
        assertThat(content).containsExactlyEntriesOf(expected);
    }

    @Test
    void mediaWithoutItsBytesComesWithItsErrorAndNeitherIdNorLink() throws IOException {
        Event event = event(received(
                null,
                new ReceivedMedia(
                        MediaKind.VIDEO,
                        null,
                        "video/mp4",
                        90_000_000L,
                        null,
                        "the match",
                        "match.mp4",
                        new ReceivedMediaError("media_too_large", "the inbound media is larger than the limit"))));

        Map<String, Object> data = data(mapper.decode(EventCodec.encode(event)));

        assertThat(data).containsEntry("type", "video");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("media_id", null);
        expected.put("mimetype", "video/mp4");
        expected.put("size", 90_000_000);
        expected.put("sha256", null);
        expected.put("caption", "the match");
        expected.put("filename", "match.mp4");
        expected.put("url", null);
        expected.put("url_expires_at", null);
        expected.put(
                "error", mapOf("code", "media_too_large", "message", "the inbound media is larger than the limit"));
        assertThat(data.get("content")).isEqualTo(expected);
    }

    @Test
    void withoutASigningKeyMediaComesWithoutALink() throws IOException {
        var unsigned = new WebhookEventMapper(
                JSON, new MediaLinks("http://localhost:8080", new MediaLinkSettings(null, null), Clock.systemUTC()));
        Event event = event(received(
                null, new ReceivedMedia(MediaKind.IMAGE, "med_9", "image/png", 10L, null, "look", "a.png", null)));

        Map<String, Object> data = data(unsigned.decode(EventCodec.encode(event)));

        assertThat(data.get("type")).isEqualTo("image");
        assertThat((Map<String, Object>) data.get("content"))
                .containsEntry("caption", "look")
                .containsEntry("filename", "a.png")
                .containsEntry("url", null)
                .containsEntry("url_expires_at", null);
    }

    @Test
    void everyOtherReceivedKindHasItsTypeAndShape() throws IOException {
        Map<Object, Map.Entry<String, Map<String, Object>>> kinds = new LinkedHashMap<>();
        kinds.put(
                new ReceivedLocation(-23.5, -46.6, "Sé", null),
                Map.entry("location", mapOf("latitude", -23.5, "longitude", -46.6, "name", "Sé", "address", null)));
        kinds.put(
                new ReceivedContacts(List.of("BEGIN:VCARD\nEND:VCARD")),
                Map.entry("contact", mapOf("vcards", List.of("BEGIN:VCARD\nEND:VCARD"))));
        kinds.put(
                new ReceivedPoll("When?", List.of("Mon", "Tue"), 1),
                Map.entry("poll", mapOf("question", "When?", "options", List.of("Mon", "Tue"), "selectable_count", 1)));
        kinds.put(
                new ReceivedPollVote("3EB0POLL", List.of("Tue")),
                Map.entry("poll_vote", mapOf("poll_wa_message_id", "3EB0POLL", "selected_options", List.of("Tue"))));
        kinds.put(
                new ReceivedReaction("3EB0OURS", ""),
                Map.entry("reaction", mapOf("target_wa_message_id", "3EB0OURS", "emoji", "")));
        kinds.put(
                new ReceivedEdit("3AIN", "fixed"),
                Map.entry("edit", mapOf("target_wa_message_id", "3AIN", "text", "fixed")));
        kinds.put(new ReceivedRevoke("3AIN"), Map.entry("revoke", mapOf("target_wa_message_id", "3AIN")));
        for (var kind : kinds.entrySet()) {
            Map<String, Object> data = data(mapper.decode(EventCodec.encode(event(received(null, kind.getKey())))));
            assertThat(data.get("type")).isEqualTo(kind.getValue().getKey());
            assertThat(data.get("content")).isEqualTo(kind.getValue().getValue());
        }
    }

    @Test
    void aGroupInfoListsItsMembersWithLowerCaseRoles() throws IOException {
        Event event = event(new GroupInfo(
                "cmd_1",
                "120363000000000001@g.us",
                "team",
                null,
                "5511900000004@s.whatsapp.net",
                Instant.parse("2024-01-01T12:00:00Z"),
                List.of(
                        new GroupParticipant("5511900000004@s.whatsapp.net", GroupRole.SUPERADMIN),
                        new GroupParticipant("15550001111@s.whatsapp.net", GroupRole.MEMBER))));

        WebhookEvent mapped = mapper.decode(EventCodec.encode(event));

        assertThat(mapped.type()).isEqualTo("group.info");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("command_id", "cmd_1");
        expected.put("group_jid", "120363000000000001@g.us");
        expected.put("subject", "team");
        expected.put("description", null);
        expected.put("owner", "5511900000004@s.whatsapp.net");
        expected.put("created_at", "2024-01-01T12:00:00Z");
        expected.put(
                "participants",
                List.of(
                        Map.of("jid", "5511900000004@s.whatsapp.net", "role", "superadmin"),
                        Map.of("jid", "15550001111@s.whatsapp.net", "role", "member")));
        assertThat(data(mapped)).containsExactlyEntriesOf(expected);
    }

    @Test
    void aFailedCommandCarriesItsIdAndItsErrorLikeAFailedMessage() throws IOException {
        WebhookEvent mapped =
                mapper.decode(EventCodec.encode(event(new CommandFailed("cmd_1", "invalid_invite", "expired"))));

        assertThat(mapped.type()).isEqualTo("command.failed");
        assertThat(data(mapped))
                .containsExactly(
                        Map.entry("command_id", "cmd_1"),
                        Map.entry("error", Map.of("code", "invalid_invite", "message", "expired")));
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

    private static MessageReceived received(QuotedContext quoted, Object content) {
        return MessageReceived.newBuilder()
                .setMessageId("msg_1")
                .setWaMessageId("3AIN")
                .setChat("120363000000000001@g.us")
                .setSender("5511900000004@s.whatsapp.net")
                .setPushName("Ana")
                .setSentAt(Instant.parse("2025-03-04T05:06:00Z"))
                .setMentions(List.of("15550001111@s.whatsapp.net"))
                .setQuoted(quoted)
                .setContent(content)
                .build();
    }

    /** A map that keeps nulls and order, as the JSON reads back. */
    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
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
