package io.wagate.api.message;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageRepository extends CrudRepository<Message, String> {

    Optional<Message> findByIdAndSessionIdAndOrganizationId(String id, String sessionId, String organizationId);
}
