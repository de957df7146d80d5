package io.wagate.webhook;

import io.micronaut.runtime.Micronaut;

public final class WebhookApplication {

    private WebhookApplication() {}

    public static void main(String[] args) {
        Micronaut.run(WebhookApplication.class, args);
    }
}
