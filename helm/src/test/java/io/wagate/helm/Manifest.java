package io.wagate.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, read by dotted paths ({@code spec.template.spec}). */
record Manifest(Map<String, Object> body) {

    String kind() {
        return (String) body.get("kind");
    }

    String name() {
        return string("metadata.name");
    }

    Object at(String path) {
        Object current = body;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    String string(String path) {
        Object value = at(path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String path) {
        Object value = at(path);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path) {
        Object value = at(path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** The pod spec of a Deployment or StatefulSet. */
    Manifest podSpec() {
        return new Manifest(map("spec.template.spec"));
    }

    /** The first container of a workload. */
    Manifest container() {
        return new Manifest(podSpec().list("containers").getFirst());
    }

    /** The first container's environment, by variable name, in declaration order. */
    Map<String, Manifest> env() {
        Map<String, Manifest> env = new LinkedHashMap<>();
        for (Map<String, Object> variable : container().list("env")) {
            env.put((String) variable.get("name"), new Manifest(variable));
        }
        return env;
    }
}
