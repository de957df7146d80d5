package io.wagate.api.organization;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("organizations")
public record Organization(@Id String id, String name, Instant createdAt) {}
