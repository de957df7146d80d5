package io.wagate.testsupport;

import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine. */
final class DockerProbe {

    private DockerProbe() {}

    static boolean dockerAnswers(Map<String, String> env) {
        if ("false".equalsIgnoreCase(env.get("WAGATE_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
