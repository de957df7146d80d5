package io.wagate.session.sending;

import io.wagate.session.SessionRef;
import java.time.Duration;

/** Paces sends: one token per message from the session's bucket and from its organization's. */
public interface RateLimiter {

    /**
     * Takes a token for one send of {@code session} from both buckets: {@link Duration#ZERO} when
     * taken, else how long to wait before asking again (nothing taken).
     */
    Duration tryAcquire(SessionRef session);
}
