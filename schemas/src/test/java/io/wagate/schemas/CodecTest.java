package io.wagate.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.TextContent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void bothCommandTypesShareTheCommandsTopicAndComeBackAsWritten() {
        var connect = SessionCommand.newBuilder()
                .setCommandId("cmd_1")
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setIssuedAt(NOW)
                .setAction(new ConnectSession())
                .build();
        var send = sendMessage();

        assertThat(CommandCodec.decode(CommandCodec.encode(connect))).isEqualTo(connect);
        assertThat(CommandCodec.decode(CommandCodec.encode(send))).isEqualTo(send);
    }

    @Test
    void encodedRecordsStartWithTheSingleObjectHeader() {
        byte[] bytes = CommandCodec.encode(sendMessage());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void eventsRoundTripAndNameTheirType() {
        var event = Event.newBuilder()
                .setEventId("evt_1")
                .setCreatedAt(NOW)
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setData(MessageStatusChanged.newBuilder()
                        .setMessageId("msg_1")
                        .setClientRef("order-42")
                        .setWaMessageId("3EB0ABC")
                        .setRecipient("5511999999999@s.whatsapp.net")
                        .setStatus(MessageStatus.DELIVERED)
                        .build())
                .build();

        Event decoded = EventCodec.decode(EventCodec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(EventTypes.of(decoded)).isEqualTo("message.delivered");
    }

    @Test
    void garbageIsRejectedAsUndecodable() {
        assertThatThrownBy(() -> CommandCodec.decode("{\"to\":\"x\"}".getBytes()))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("single-object");
        assertThatThrownBy(() -> CommandCodec.decode(null)).isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void aRecordOfAnotherTopicIsRejected() {
        byte[] command = CommandCodec.encode(sendMessage());

        assertThatThrownBy(() -> EventCodec.decode(command))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void aTruncatedBodyIsRejected() {
        byte[] bytes = CommandCodec.encode(sendMessage());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> CommandCodec.decode(truncated)).isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void aRecordWrittenWithTheReleasedV1SchemaIsDecoded() throws Exception {
        Schema v1 = ReleasedSchemas.versionsOf("SendMessage").getFirst();
        GenericRecord text = new GenericData.Record(
                v1.getField("content").schema().getTypes().getFirst());
        text.put("text", "hi");
        GenericRecord record = new GenericData.Record(v1);
        record.put("message_id", "msg_v1");
        record.put("session_id", "sess_1");
        record.put("organization_id", "org_1");
        record.put("issued_at", NOW.toEpochMilli());
        record.put("to", "5511999999999");
        record.put("client_ref", null);
        record.put("metadata", Map.of());
        record.put("content", text);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(record);
        var out = new ByteArrayOutputStream();
        out.write(encoded.array(), encoded.arrayOffset(), encoded.remaining());

        var decoded = (SendMessage) CommandCodec.decode(out.toByteArray());

        assertThat(decoded.getMessageId()).isEqualTo("msg_v1");
        assertThat(((TextContent) decoded.getContent()).getText()).isEqualTo("hi");
    }

    private static SendMessage sendMessage() {
        return SendMessage.newBuilder()
                .setMessageId("msg_1")
                .setSessionId("sess_1")
                .setOrganizationId("org_1")
                .setIssuedAt(NOW)
                .setTo("5511999999999")
                .setClientRef("order-42")
                .setMetadata(Map.of("k", "v"))
                .setContent(new TextContent("hi"))
                .build();
    }
}
