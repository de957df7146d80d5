package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON object field by field, collecting every refusal instead of stopping at the first, so
 * one answer names all that is wrong. A wrong JSON type is reported against its field.
 */
final class JsonFields {

    private final JsonNode object;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode object, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    static JsonFields of(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(new ApiError.InvalidJson("the request body must be a JSON object"));
        }
        return new JsonFields(body, "", new ArrayList<>());
    }

    /** The fields of a nested object, reported as {@code prefix.field}; errors go to the same list. */
    JsonFields nested(JsonNode object, String prefix) {
        return new JsonFields(object, prefix, errors);
    }

    void refuse(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** @throws ApiException {@code validation_error} naming every refused field, if any */
    void throwIfRefused() {
        if (!errors.isEmpty()) {
            throw new ApiException(new ApiError.ValidationError(errors));
        }
    }

    boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    /** Refuses every present field not in {@code allowed}, naming what it is not part of. */
    void allowOnly(Set<String> allowed, String what) {
        for (var entry : object.entries()) {
            if (!allowed.contains(entry.getKey()) && !entry.getValue().isNull()) {
                refuse(entry.getKey(), "is not a field of " + what);
            }
        }
    }

    @Nullable
    String requiredString(String field) {
        if (!has(field)) {
            refuse(field, "is required");
            return null;
        }
        return optionalString(field);
    }

    @Nullable
    String optionalString(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            refuse(field, "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    /** A string of 1 to {@code max} characters (code points), or null when absent. */
    @Nullable
    String optionalText(String field, int max) {
        String value = optionalString(field);
        return value == null ? null : checkLength(field, value, 1, max);
    }

    @Nullable
    String requiredText(String field, int max) {
        String value = requiredString(field);
        return value == null ? null : checkLength(field, value, 1, max);
    }

    @Nullable
    String checkLength(String field, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            refuse(field, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
            return null;
        }
        if (length > max) {
            refuse(field, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    boolean optionalBoolean(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            refuse(field, "must be true or false");
            return false;
        }
        return node.getBooleanValue();
    }

    /** An integer within {@code [min, max]}, {@code fallback} when absent. */
    int optionalInt(String field, int min, int max, int fallback) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()
                || node.getDoubleValue() != Math.rint(node.getDoubleValue())
                || node.getDoubleValue() < min
                || node.getDoubleValue() > max) {
            refuse(field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return node.getIntValue();
    }

    /** A number within {@code [min, max]}; NaN when absent or refused. */
    double requiredNumber(String field, double min, double max) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            refuse(field, "is required");
            return Double.NaN;
        }
        if (!node.isNumber() || node.getDoubleValue() < min || node.getDoubleValue() > max) {
            refuse(field, "must be a number from " + min + " to " + max);
            return Double.NaN;
        }
        return node.getDoubleValue();
    }

    /** The elements of an array of {@code min} to {@code max} elements, or an empty list when refused or absent. */
    List<JsonNode> array(String field, int min, int max, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                refuse(field, "is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            refuse(field, "must be an array");
            return List.of();
        }
        if (node.size() < min || node.size() > max) {
            refuse(field, "must have " + min + " to " + max + " elements");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        node.values().forEach(elements::add);
        return elements;
    }

    /** An array of strings, each 1 to {@code maxLength} characters. */
    List<String> stringArray(String field, int min, int max, int maxLength, boolean required) {
        List<String> values = new ArrayList<>();
        List<JsonNode> elements = array(field, min, max, required);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String name = field + "[" + i + "]";
            if (!element.isString()) {
                refuse(name, "must be a string");
            } else if (checkLength(name, element.getStringValue(), 1, maxLength) != null) {
                values.add(element.getStringValue());
            }
        }
        return values;
    }

    @Nullable
    JsonNode node(String field) {
        return object.get(field);
    }
}
