package io.wagate.api.session;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

@Singleton
public class SessionStatusConverter implements AttributeConverter<SessionStatus, String> {

    @Override
    public String convertToPersistedValue(SessionStatus status, ConversionContext context) {
        return status == null ? null : status.wire();
    }

    @Override
    public SessionStatus convertToEntityValue(String value, ConversionContext context) {
        return value == null
                ? null
                : SessionStatus.fromWire(value)
                        .orElseThrow(() -> new IllegalStateException("unknown session status in table: " + value));
    }
}
