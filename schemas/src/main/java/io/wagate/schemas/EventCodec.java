package io.wagate.schemas;

import io.wagate.schemas.v1.Event;
import java.util.List;

/** Encodes and decodes the records of the {@link Topics#EVENTS} topic. */
public final class EventCodec {

    private static final SingleObjectCodec CODEC = new SingleObjectCodec(List.of(Event.getClassSchema()));

    private EventCodec() {}

    public static byte[] encode(Event event) {
        return CODEC.encode(event);
    }

    /** @throws UndecodableRecordException when the bytes are not an {@link Event} */
    public static Event decode(byte[] bytes) {
        return (Event) CODEC.decode(bytes);
    }
}
