package io.wagate.webhook.delivery;

import java.util.List;

/**
 * Told about attempts once they are recorded, to track which endpoints keep failing, and to disable
 * those that answered 410 or failed for too long.
 */
public interface EndpointHealth {

    /** In the order the attempts were made; a failure is logged, and the next attempts tell it again. */
    void afterAttempts(List<AttemptRecord> recorded);
}
