package io.wagate.session.transport.cobalt;

import java.io.ByteArrayOutputStream;

/** Just enough of the protobuf wire format to drop one top-level field from an encoded message. */
final class ProtobufFields {

    private ProtobufFields() {}

    /** {@code message} without any occurrence of field {@code number}; the other fields untouched, in order. */
    static byte[] without(byte[] message, int number) {
        var out = new ByteArrayOutputStream(message.length);
        int position = 0;
        while (position < message.length) {
            int start = position;
            long tag = 0;
            int shift = 0;
            byte b;
            do {
                b = message[position++];
                tag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            int wireType = (int) (tag & 0x7);
            long field = tag >>> 3;
            position = switch (wireType) {
                case 0 -> skipVarint(message, position);
                case 1 -> position + 8;
                case 2 -> {
                    long length = 0;
                    int lengthShift = 0;
                    do {
                        b = message[position++];
                        length |= (long) (b & 0x7F) << lengthShift;
                        lengthShift += 7;
                    } while ((b & 0x80) != 0);
                    yield Math.addExact(position, Math.toIntExact(length));
                }
                case 5 -> position + 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            };
            if (position > message.length) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            if (field != number) {
                out.write(message, start, position - start);
            }
        }
        return out.toByteArray();
    }

    private static int skipVarint(byte[] message, int position) {
        while ((message[position++] & 0x80) != 0) {
            // continuation bit set: keep reading
        }
        return position;
    }
}
