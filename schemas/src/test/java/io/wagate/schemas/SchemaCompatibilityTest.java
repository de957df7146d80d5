package io.wagate.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.ReceivedMedia;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's guard against a backward-incompatible contract change: the schemas compiled into this
 * module must read every record any released version could have written.
 */
class SchemaCompatibilityTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(SessionCommand.getClassSchema(), SendMessage.getClassSchema(), Event.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryReleasedVersion(Schema current) {
        var released = ReleasedSchemas.versionsOf(current.getName());
        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();

        for (Schema writer : released) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
            assertThat(result.getType())
                    .as("%s cannot read data written by a released version: %s", current.getName(), result.getResult())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void removingARequiredFieldIsCaughtAsIncompatible(Schema current) {
        Schema withExtraRequiredField = new Schema.Parser()
                .parse(current.toString()
                        .replaceFirst(
                                "\"fields\":\\[",
                                "\"fields\":[{\"name\":\"added_without_default\",\"type\":\"string\"},"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(withExtraRequiredField, current);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void everyReleasedVersionUpToV3IsChecked() {
        assertThat(ReleasedSchemas.versionsOf("Event")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ReleasedSchemas.versionsOf("SendMessage")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ReleasedSchemas.versionsOf("SessionCommand")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aStatusEventWrittenByV1IsRead() throws IOException {
        byte[] written = writtenBy(1, """
                {"event_id": "evt_v1", "created_at": 1700000000000, "session_id": "sess_1", "organization_id": "org_1",
                 "data": {"io.wagate.schemas.v1.MessageStatusChanged": {
                   "message_id": "msg_1", "client_ref": null, "metadata": {}, "wa_message_id": {"string": "3EB0A"},
                   "recipient": "5511999999999@s.whatsapp.net", "status": "DELIVERED", "failure": null}}}
                """);

        Event read = EventCodec.decode(written);

        assertThat(read.getEventId()).isEqualTo("evt_v1");
        var changed = (MessageStatusChanged) read.getData();
        assertThat(changed.getStatus()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(changed.getWaMessageId()).isEqualTo("3EB0A");
    }

    /** v2 wrote media_id as a plain string; v3 reads it into its nullable media_id, with no error. */
    @Test
    void aMediaMessageWrittenByV2IsReadWithItsMediaIdAndNoError() throws IOException {
        byte[] written = writtenBy(2, """
                {"event_id": "evt_v2", "created_at": 1700000000000, "session_id": "sess_1", "organization_id": "org_1",
                 "data": {"io.wagate.schemas.v1.MessageReceived": {
                   "message_id": "msg_in", "wa_message_id": "3AIMG", "chat": "5511900000004@s.whatsapp.net",
                   "sender": "5511900000004@s.whatsapp.net", "push_name": null, "sent_at": 1700000000000,
                   "mentions": [], "quoted": null,
                   "content": {"io.wagate.schemas.v1.ReceivedMedia": {
                     "kind": "IMAGE", "media_id": "med_1", "mimetype": "image/png", "size": 42,
                     "sha256": {"string": "abc"}, "caption": {"string": "look"}, "filename": null}}}}}
                """);

        var received = (MessageReceived) EventCodec.decode(written).getData();

        var media = (ReceivedMedia) received.getContent();
        assertThat(media.getMediaId()).isEqualTo("med_1");
        assertThat(media.getSize()).isEqualTo(42);
        assertThat(media.getCaption()).isEqualTo("look");
        assertThat(media.getError()).isNull();
    }

    /** A record as the released version {@code version} of Event wrote it, single-object encoded. */
    private static byte[] writtenBy(int version, String json) throws IOException {
        List<Schema> released = ReleasedSchemas.versionsOf("Event");
        Schema writer = released.get(version - 1);
        GenericRecord record = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().jsonDecoder(writer, json));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
        return Arrays.copyOfRange(
                encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.arrayOffset() + encoded.limit());
    }
}
