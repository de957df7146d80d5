package io.wagate.webhook.stream;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** Which of an organization's events a stream carries: these types (none: all) and this session (null: all). */
record StreamFilter(
        String organizationId, List<String> types, @Nullable String sessionId) {}
