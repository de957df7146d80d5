package io.wagate.api.error;

import io.micronaut.core.annotation.Nullable;

/** Checks shared by several request bodies. */
public final class Validation {

    public static final int MAX_NAME_LENGTH = 200;

    private Validation() {}

    /** A display name: optional, at most 200 characters, surrounding blanks dropped. */
    @Nullable
    public static String optionalName(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ApiException(
                    ApiError.ValidationError.of(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        return name;
    }

    public static String requiredName(String field, @Nullable String value) {
        String name = optionalName(field, value);
        if (name == null) {
            throw new ApiException(ApiError.ValidationError.of(field, "is required"));
        }
        return name;
    }
}
