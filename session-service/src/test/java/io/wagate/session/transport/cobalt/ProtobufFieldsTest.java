package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtobufFieldsTest {

    // field 1 varint 150; field 22 bytes "ab"; field 2 fixed64; field 22 again; field 3 fixed32
    private static final byte[] MESSAGE = {
        0x08,
        (byte) 0x96,
        0x01,
        (byte) 0xB2,
        0x01,
        0x02,
        'a',
        'b',
        0x11,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        (byte) 0xB2,
        0x01,
        0x00,
        0x1D,
        9,
        9,
        9,
        9
    };

    @Test
    void everyOccurrenceOfTheFieldGoesAndTheRestStaysInOrder() {
        byte[] stripped = ProtobufFields.without(MESSAGE, 22);

        assertThat(stripped).containsExactly(0x08, (byte) 0x96, 0x01, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x1D, 9, 9, 9, 9);
    }

    @Test
    void aMessageWithoutTheFieldIsUnchanged() {
        assertThat(ProtobufFields.without(MESSAGE, 5)).isEqualTo(MESSAGE);
    }

    @Test
    void aTruncatedMessageIsRefused() {
        byte[] truncated = {(byte) 0xB2, 0x01, 0x05, 'a'};

        assertThatThrownBy(() -> ProtobufFields.without(truncated, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
