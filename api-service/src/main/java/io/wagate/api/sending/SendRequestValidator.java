package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a send body: {@code to}, the discriminating {@code type} and that type's fields, the send
 * options, {@code client_ref} and {@code metadata}. A field that the type does not read is refused
 * rather than ignored, so a mistyped option never goes unnoticed.
 */
public final class SendRequestValidator {

    static final int MAX_CLIENT_REF_LENGTH = 256;
    static final int MAX_METADATA_ENTRIES = 20;
    static final int MAX_METADATA_KEY_LENGTH = 64;
    static final int MAX_METADATA_VALUE_LENGTH = 512;
    static final int MAX_MENTIONS = 100;
    static final int MAX_DELAY_SECONDS = 60;

    private static final Set<String> EVERY_SEND = Set.of("to", "type", "client_ref", "metadata", "delay");
    private static final Set<String> QUOTING = Set.of("reply_to", "reply_private", "mentions", "mention_all");

    private SendRequestValidator() {}

    /**
     * @throws ApiException {@code validation_error} naming every refused field; else {@code
     *     invalid_phone_number} / {@code invalid_recipient} for {@code to} or a mention; else {@code
     *     poll_invalid} for a poll WhatsApp would refuse; else {@code mentions_not_supported} or {@code
     *     private_reply_failed} for options a non-group chat cannot take
     */
    public static SendRequest validate(@Nullable JsonNode json) {
        JsonFields body = JsonFields.of(json);
        String to = body.requiredString("to");
        String type = body.requiredString("type");
        MessageContent content = null;
        if (type != null) {
            if (MessageContent.SENDABLE_TYPES.contains(type)) {
                body.allowOnly(allowedFields(type), "a " + type + " message");
                content = ContentReader.read(type, body);
            } else {
                body.refuse(
                        "type",
                        "unsupported type \"" + type + "\"; supported types: "
                                + String.join(", ", MessageContent.SENDABLE_TYPES));
            }
        }
        RawOptions options = options(body, type);
        String clientRef = clientRef(body);
        Map<String, String> metadata = metadata(body);
        body.throwIfRefused();
        if (content instanceof MessageContent.Poll poll) {
            ContentReader.pollProblem(poll).ifPresent(problem -> {
                throw new ApiException(problem);
            });
        }

        String recipient = Recipients.normalize(to);
        List<String> mentions = new ArrayList<>();
        for (int i = 0; i < options.mentions().size(); i++) {
            mentions.add(Recipients.normalize(
                    "mentions[" + i + "]", options.mentions().get(i)));
        }
        boolean group = Recipients.isGroup(recipient);
        if (!group && (!mentions.isEmpty() || options.mentionAll())) {
            throw new ApiException(new ApiError.MentionsNotSupported(recipient));
        }
        if (options.replyPrivate() && !group) {
            throw new ApiException(
                    new ApiError.PrivateReplyFailed(
                            "reply_private answers a group message in its author's private chat: to must be the group (@g.us)"));
        }
        return new SendRequest(
                recipient,
                content,
                new SendOptions(
                        options.replyTo(),
                        options.replyPrivate(),
                        mentions,
                        options.mentionAll(),
                        options.delaySeconds(),
                        options.linkPreview()),
                clientRef,
                metadata);
    }

    private static Set<String> allowedFields(String type) {
        Set<String> allowed = new HashSet<>(EVERY_SEND);
        allowed.addAll(ContentReader.fieldsOf(type));
        if (!type.equals("reaction")) {
            allowed.addAll(QUOTING);
        }
        return allowed;
    }

    /** Options as given, mentions not yet normalized (that may refuse them with their own code). */
    private record RawOptions(
            @Nullable String replyTo,
            boolean replyPrivate,
            List<String> mentions,
            boolean mentionAll,
            int delaySeconds,
            boolean linkPreview) {}

    private static RawOptions options(JsonFields body, @Nullable String type) {
        String replyTo = body.optionalText("reply_to", ContentReader.MAX_MESSAGE_ID_LENGTH);
        boolean replyPrivate = body.optionalBoolean("reply_private");
        if (replyPrivate && replyTo == null && !body.has("reply_to")) {
            body.refuse("reply_private", "needs reply_to: the group message to answer privately");
        }
        List<String> mentions = body.stringArray("mentions", 0, MAX_MENTIONS, 64, false);
        boolean mentionAll = body.optionalBoolean("mention_all");
        int delay = body.optionalInt("delay", 0, MAX_DELAY_SECONDS, 0);
        boolean linkPreview = "text".equals(type) && body.optionalBoolean("link_preview");
        return new RawOptions(replyTo, replyPrivate, mentions, mentionAll, delay, linkPreview);
    }

    @Nullable
    static String clientRef(JsonFields body) {
        String clientRef = body.optionalString("client_ref");
        return clientRef == null ? null : body.checkLength("client_ref", clientRef, 0, MAX_CLIENT_REF_LENGTH);
    }

    static Map<String, String> metadata(JsonFields body) {
        JsonNode node = body.node("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return metadata;
        }
        if (!node.isObject()) {
            body.refuse("metadata", "must be an object of string values");
            return metadata;
        }
        if (node.size() > MAX_METADATA_ENTRIES) {
            body.refuse("metadata", "must have at most " + MAX_METADATA_ENTRIES + " entries");
            return metadata;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
                body.refuse(
                        "metadata", "keys must be 1 to " + MAX_METADATA_KEY_LENGTH + " characters: \"" + key + "\"");
            } else if (value == null || !value.isString()) {
                body.refuse("metadata", "the value of \"" + key + "\" must be a string");
            } else if (value.getStringValue().length() > MAX_METADATA_VALUE_LENGTH) {
                body.refuse(
                        "metadata",
                        "the value of \"" + key + "\" must be at most " + MAX_METADATA_VALUE_LENGTH + " characters");
            } else {
                metadata.put(key, value.getStringValue());
            }
        }
        return metadata;
    }
}
