package io.wagate.webhook.endpoint;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JdbcEndpointRepository extends GenericRepository<EndpointEntity, String> {

    EndpointEntity save(EndpointEntity endpoint);

    Optional<EndpointEntity> findByIdAndOrganizationIdAndDeletedAtIsNull(String id, String organizationId);

    List<EndpointEntity> findByOrganizationIdAndDeletedAtIsNullOrderById(String organizationId);

    @Query("UPDATE endpoints SET deleted_at = now(), updated_at = now()"
            + " WHERE id = :id AND organization_id = :organizationId AND deleted_at IS NULL")
    int softDelete(String id, String organizationId);

    /** The live endpoints of an organization that want events of {@code type}. */
    @Query("SELECT * FROM endpoints WHERE organization_id = :organizationId AND enabled AND deleted_at IS NULL"
            + " AND (cardinality(event_types) = 0 OR :type = ANY(event_types)) ORDER BY id")
    List<EndpointEntity> findSubscribers(String organizationId, String type);
}
