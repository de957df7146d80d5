package io.wagate.session.transport.simulator;

import java.time.Instant;

/** A message as the simulated WhatsApp network holds it: one per WhatsApp message id. */
public record SimulatedMessage(
        String waMessageId, String fromSessionId, String fromPhoneNumber, String to, String text, Instant acceptedAt) {}
