package io.wagate.devstack;

import java.nio.file.Path;
import java.util.Map;

/** How the end-to-end tests run devstack: free ports, no printing receiver, fresh keys. */
final class TestStacks {

    private TestStacks() {}

    /** @param topicPrefix one no other test uses ({@code Infrastructure.uniqueTopicPrefix()}) */
    static DevStack.Settings settings(String topicPrefix, Map<Service, Map<String, String>> serviceProperties) {
        return new DevStack.Settings(
                Path.of(System.getProperty("wagate.home", "..")).toAbsolutePath(),
                "127.0.0.1",
                0,
                0,
                DevStack.newAdminKey(),
                DevStack.newAuthStateKey(),
                topicPrefix,
                serviceProperties);
    }
}
