package io.wagate.api.session;

import io.wagate.api.event.EventProjection;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the API's view of each session in step with session-service's events. */
@Singleton
public class SessionProjection implements EventProjection {

    private static final Logger LOG = LoggerFactory.getLogger(SessionProjection.class);

    private final SessionRepository sessions;
    private final QrStore qrCodes;
    private final Clock clock = Clock.systemUTC();

    SessionProjection(SessionRepository sessions, QrStore qrCodes) {
        this.sessions = sessions;
        this.qrCodes = qrCodes;
    }

    @Override
    public void project(Event event) {
        apply(SessionEventMapper.map(event));
    }

    public void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.StatusChanged changed -> applyStatus(changed);
            case SessionEvent.QrUpdated updated -> qrCodes.put(updated.sessionId(), updated.qr());
            case SessionEvent.Ignored ignored -> LOG.trace("not projected: {}", ignored);
        }
    }

    private void applyStatus(SessionEvent.StatusChanged changed) {
        int updated = sessions.updateStatus(
                changed.sessionId(),
                changed.status(),
                changed.reason(),
                changed.phoneNumber(),
                changed.occurredAt(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (updated == 0) {
            LOG.debug(
                    "status {} of {} not applied: unknown session or older event",
                    changed.status(),
                    changed.sessionId());
        }
    }
}
