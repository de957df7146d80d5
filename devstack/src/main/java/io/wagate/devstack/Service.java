package io.wagate.devstack;

/** The services devstack runs, each from its module's build output. */
public enum Service {
    API("api-service", "io.wagate.api.ApiApplication"),
    SESSION("session-service", "io.wagate.session.SessionApplication"),
    WEBHOOK("webhook-service", "io.wagate.webhook.WebhookApplication"),
    MEDIA("media-service", "io.wagate.media.MediaApplication");

    private final String module;
    private final String mainClass;

    Service(String module, String mainClass) {
        this.module = module;
        this.mainClass = mainClass;
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }
}
