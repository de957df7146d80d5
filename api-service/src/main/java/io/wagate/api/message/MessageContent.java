package io.wagate.api.message;

/** What a send carries; one record per supported {@code type}. */
public sealed interface MessageContent {

    /** The {@code type} values a send may name. */
    java.util.List<String> SUPPORTED_TYPES = java.util.List.of("text");

    record Text(String text) implements MessageContent {}

    /** The {@code type} this content was sent as. */
    default String type() {
        return switch (this) {
            case Text ignored -> "text";
        };
    }
}
