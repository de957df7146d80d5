package io.wagate.api.apikey;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRepository extends CrudRepository<ApiKey, String> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    Optional<ApiKey> findByIdAndOrganizationIdAndRevokedAtIsNull(String id, String organizationId);

    List<ApiKey> findByOrganizationIdAndRevokedAtIsNullOrderByCreatedAtAsc(String organizationId);

    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
    int updateRevokedAt(String id, Instant revokedAt);
}
