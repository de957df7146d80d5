package io.wagate.webhook.delivery;

import java.time.Instant;

/** One attempt made, and what it means for its delivery: a row of the attempt log, waiting to be written. */
public record AttemptRecord(
        ClaimedDelivery delivery, Instant attemptedAt, SendOutcome outcome, DeliveryResult result) {}
