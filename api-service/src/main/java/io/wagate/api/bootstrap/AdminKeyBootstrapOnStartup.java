package io.wagate.api.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
public class AdminKeyBootstrapOnStartup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrapOnStartup.class);

    private final AdminKeyBootstrap bootstrap;
    private final BootstrapProperties properties;

    AdminKeyBootstrapOnStartup(AdminKeyBootstrap bootstrap, BootstrapProperties properties) {
        this.bootstrap = bootstrap;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        bootstrap
                .ensureAdminKey(Optional.ofNullable(properties.adminKey()))
                // By design the one secret ever logged: without it a fresh install has no way in.
                .ifPresent(generated -> LOG.warn("Bootstrap admin key (shown once): {}", generated.key()));
    }
}
