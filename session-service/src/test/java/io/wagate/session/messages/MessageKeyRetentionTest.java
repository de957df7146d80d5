package io.wagate.session.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retention run's loop and its failures, without a database (MessageKeyRetentionIT has the real one). */
class MessageKeyRetentionTest {

    private final Deque<Object> answers = new ArrayDeque<>();
    private int statements;
    private final MessageKeyRetention retention =
            new MessageKeyRetention(database(), new MessageKeySettings(null, null));

    @Test
    void aRunDeletesBatchesUntilOneComesBackShort() {
        answers.addAll(List.of(MessageKeyRetention.BATCH, MessageKeyRetention.BATCH, 7));

        retention.cleanUp();

        assertThat(statements).isEqualTo(3);
    }

    @Test
    void aDatabaseFailureEndsTheRunQuietlyAndTheNextRunStartsAfresh() {
        answers.addAll(List.of(MessageKeyRetention.BATCH, new DataAccessException("connection refused"), 0));

        assertThatCode(retention::cleanUp).doesNotThrowAnyException();
        assertThat(statements).isEqualTo(2);

        retention.cleanUp();
        assertThat(statements).isEqualTo(3);
    }

    /** Answers each delete with the next of {@link #answers}: a row count, or an exception to throw. */
    private JdbcOperations database() {
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeUpdate")) {
                        statements++;
                        Object answer = answers.poll();
                        if (answer instanceof RuntimeException failure) {
                            throw failure;
                        }
                        return answer;
                    }
                    return null;
                });
        return (JdbcOperations) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {JdbcOperations.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        return ((PreparedStatementCallback<?>) args[1]).call(statement);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
