package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a send body field by field, reading the JSON tree itself so a wrong type is reported
 * against its field rather than as unreadable JSON.
 */
public final class SendRequestValidator {

    static final int MAX_TEXT_LENGTH = 65_536;
    static final int MAX_CLIENT_REF_LENGTH = 256;
    static final int MAX_METADATA_ENTRIES = 20;
    static final int MAX_METADATA_KEY_LENGTH = 64;
    static final int MAX_METADATA_VALUE_LENGTH = 512;

    private SendRequestValidator() {}

    /**
     * @throws ApiException {@code validation_error} naming every refused field, else
     *     {@code invalid_phone_number} when {@code to} is no recipient
     */
    public static SendRequest validate(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(new ApiError.InvalidJson("the request body must be a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        String to = requiredString(body, "to", errors);
        MessageContent content = content(body, errors);
        String clientRef = clientRef(body, errors);
        Map<String, String> metadata = metadata(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(new ApiError.ValidationError(errors));
        }
        return new SendRequest(Recipients.normalize(to), content, clientRef, metadata);
    }

    @Nullable
    private static MessageContent content(JsonNode body, List<FieldError> errors) {
        String type = requiredString(body, "type", errors);
        if (type == null) {
            return null;
        }
        if (!type.equals("text")) {
            errors.add(new FieldError(
                    "type",
                    "unsupported type \"" + type + "\"; supported types: "
                            + String.join(", ", MessageContent.SUPPORTED_TYPES)));
            return null;
        }
        String text = requiredString(body, "text", errors);
        if (text == null) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            errors.add(new FieldError("text", "must not be empty"));
        } else if (length > MAX_TEXT_LENGTH) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        return new MessageContent.Text(text);
    }

    @Nullable
    private static String clientRef(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("client_ref");
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError("client_ref", "must be a string"));
            return null;
        }
        String clientRef = node.getStringValue();
        if (clientRef.codePointCount(0, clientRef.length()) > MAX_CLIENT_REF_LENGTH) {
            errors.add(new FieldError("client_ref", "must be at most " + MAX_CLIENT_REF_LENGTH + " characters"));
        }
        return clientRef;
    }

    private static Map<String, String> metadata(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (absent(node)) {
            return metadata;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("metadata", "must be an object of string values"));
            return metadata;
        }
        if (node.size() > MAX_METADATA_ENTRIES) {
            errors.add(new FieldError("metadata", "must have at most " + MAX_METADATA_ENTRIES + " entries"));
            return metadata;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
                errors.add(new FieldError(
                        "metadata", "keys must be 1 to " + MAX_METADATA_KEY_LENGTH + " characters: \"" + key + "\""));
            } else if (value == null || !value.isString()) {
                errors.add(new FieldError("metadata", "the value of \"" + key + "\" must be a string"));
            } else if (value.getStringValue().length() > MAX_METADATA_VALUE_LENGTH) {
                errors.add(new FieldError(
                        "metadata",
                        "the value of \"" + key + "\" must be at most " + MAX_METADATA_VALUE_LENGTH + " characters"));
            } else {
                metadata.put(key, value.getStringValue());
            }
        }
        return metadata;
    }

    @Nullable
    private static String requiredString(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (absent(node)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.getStringValue();
    }

    private static boolean absent(@Nullable JsonNode node) {
        return node == null || node.isNull();
    }
}
