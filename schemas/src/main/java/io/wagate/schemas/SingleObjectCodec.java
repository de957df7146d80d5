package io.wagate.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding for a set of record types sharing one topic. The 10-byte header
 * ({@code C3 01} and the writer schema's 64-bit fingerprint) says which record and which version of
 * it follows, so no schema registry is needed: every released version of each record ships in this
 * module and is accepted as a writer schema.
 */
final class SingleObjectCodec {

    private static final int HEADER_LENGTH = 10;

    private final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> decodersByFingerprint = new HashMap<>();
    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();

    SingleObjectCodec(List<Schema> currentSchemas) {
        for (Schema current : currentSchemas) {
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.get(), current);
            decodersByFingerprint.put(fingerprint(current), decoder);
            for (Schema released : ReleasedSchemas.versionsOf(current.getName())) {
                decoder.addSchema(released);
                decodersByFingerprint.put(fingerprint(released), decoder);
            }
            encoders.put(current, new BinaryMessageEncoder<>(SpecificData.get(), current));
        }
    }

    byte[] encode(SpecificRecord record) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(record.getSchema());
        if (encoder == null) {
            throw new IllegalArgumentException(record.getSchema().getFullName() + " does not belong on this topic");
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new UndecodableRecordException("not Avro single-object encoded (missing C3 01 header)");
        }
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<? extends SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new UndecodableRecordException(
                    "unknown writer schema fingerprint " + Long.toHexString(fingerprint) + " on this topic");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException("corrupt record body: " + e.getMessage(), e);
        }
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    static Schema parse(InputStream in) {
        try (in) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
