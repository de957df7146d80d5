package io.wagate.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A reachable PostgreSQL server. {@link #newDatabase()} hands each test (or devstack) a database of
 * its own, so nothing leaks between them.
 */
public record PostgresServer(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "wagate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return createDatabase(name.toLowerCase(Locale.ROOT));
    }

    public String createDatabase(String name) {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: it exists already, which is what we want
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
        return jdbcUrl(name);
    }
}
