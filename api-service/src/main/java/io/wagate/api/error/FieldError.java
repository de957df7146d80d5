package io.wagate.api.error;

import io.micronaut.serde.annotation.Serdeable;

/** One reason a request field was refused; {@code field} is its snake_case JSON name. */
@Serdeable
public record FieldError(String field, String message) {}
