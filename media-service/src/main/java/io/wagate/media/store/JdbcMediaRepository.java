package io.wagate.media.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JdbcMediaRepository extends GenericRepository<MediaRecord, String> {

    MediaRecord save(MediaRecord media);

    /** Another organization's media is not found, as if it did not exist. */
    Optional<MediaRecord> findByIdAndOrganizationId(String id, String organizationId);

    Optional<MediaRecord> findById(String id);

    int deleteByIdAndOrganizationId(String id, String organizationId);
}
