package io.wagate.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.api.support.ApiClient;
import io.wagate.testsupport.Infrastructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A fresh install always has a way in, and restarts never mint or log another key. */
class AdminKeyBootstrapIT {

    private static final String LOG_PREFIX = "Bootstrap admin key (shown once): ";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger bootstrapLogger = (Logger) LoggerFactory.getLogger(AdminKeyBootstrapOnStartup.class);
    private final String database = Infrastructure.shared().postgres().newDatabase();

    @BeforeEach
    void captureLog() {
        log.start();
        bootstrapLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        bootstrapLogger.detachAppender(log);
    }

    @Test
    void withoutAConfiguredKeyTheFirstStartLogsAWorkingAdminKeyOnceAndRestartsDoNot() {
        // When
        String generated = whileRunning(Map.of(), api -> {
            List<String> logged = loggedKeys();
            assertThat(logged).hasSize(1);
            String key = logged.getFirst();
            assertThat(api.post("/v1/organizations", key, Map.of("name", "First"))
                            .status())
                    .isEqualTo(201);
            return key;
        });

        // Then: a restart keeps the key and logs nothing new
        whileRunning(Map.of(), api -> {
            assertThat(loggedKeys()).containsExactly(generated);
            return api.get("/v1/api-keys", generated).status() == 200;
        });
        assertThat(log.list).allMatch(event -> event.getLevel() == Level.WARN);
    }

    @Test
    void aConfiguredKeyIsStoredAsAnAdminKeyOnceAndNothingIsLogged() {
        // Given
        String configured = "wag_operator-chosen-admin-key-0123456789abc";
        Map<String, Object> withKey = Map.of("wagate.bootstrap.admin-key", configured);

        // When
        whileRunning(withKey, api -> api.get("/v1/sessions", configured).status());
        int keysAfterRestart = whileRunning(
                withKey,
                api -> api.get("/v1/api-keys", configured).body().at("/data").size());

        // Then
        assertThat(keysAfterRestart).isEqualTo(1);
        assertThat(loggedKeys()).isEmpty();
        whileRunning(withKey, api -> {
            var admin = api.post("/internal/v1/api-keys/introspect", null, Map.of("key", configured));
            assertThat(admin.body().at("/admin").asBoolean()).isTrue();
            return null;
        });
    }

    private <T> T whileRunning(Map<String, Object> extra, Function<ApiClient, T> use) {
        Infrastructure infra = Infrastructure.shared();
        Map<String, Object> properties =
                new HashMap<>(infra.serviceProperties(database, Infrastructure.uniqueTopicPrefix()));
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        try (var context =
                ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext()) {
            return use.apply(new ApiClient(context.getBean(EmbeddedServer.class).getURI()));
        }
    }

    private List<String> loggedKeys() {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith(LOG_PREFIX))
                .map(message -> message.substring(LOG_PREFIX.length()))
                .toList();
    }
}
