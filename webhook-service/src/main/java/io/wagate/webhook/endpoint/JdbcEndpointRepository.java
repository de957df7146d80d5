package io.wagate.webhook.endpoint;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JdbcEndpointRepository extends GenericRepository<EndpointEntity, String> {

    EndpointEntity save(EndpointEntity endpoint);

    EndpointEntity update(EndpointEntity endpoint);

    Optional<EndpointEntity> findByIdAndOrganizationIdAndDeletedAtIsNull(String id, String organizationId);

    /** The live endpoint, locked until the transaction ends, so a change cannot undo a concurrent one. */
    @Query("SELECT * FROM endpoints WHERE id = :id AND organization_id = :organizationId AND deleted_at IS NULL"
            + " FOR UPDATE")
    Optional<EndpointEntity> findLiveForUpdate(String id, String organizationId);

    List<EndpointEntity> findByOrganizationIdAndDeletedAtIsNullOrderById(String organizationId);

    @Query("UPDATE endpoints SET deleted_at = now(), updated_at = now()"
            + " WHERE id = :id AND organization_id = :organizationId AND deleted_at IS NULL")
    int softDelete(String id, String organizationId);

    /** The enabled, live endpoints of these organizations; which events each wants is {@link EndpointEntity#wants}. */
    @Query("SELECT * FROM endpoints WHERE organization_id IN (:organizationIds) AND enabled AND deleted_at IS NULL"
            + " ORDER BY id")
    List<EndpointEntity> findEnabledOf(Collection<String> organizationIds);
}
