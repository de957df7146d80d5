package io.wagate.helm;

import java.util.List;
import java.util.Optional;

/** Everything one {@code helm template} rendered. */
record Manifests(List<Manifest> all) {

    List<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return all.stream()
                .filter(m -> kind.equals(m.kind()) && name.equals(m.name()))
                .findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among "
                        + all.stream().map(m -> m.kind() + "/" + m.name()).toList()));
    }

    /** The Deployment or StatefulSet that runs a service. */
    Manifest workload(String service) {
        String name = Chart.RELEASE + "-" + service;
        return find("Deployment", name)
                .or(() -> find("StatefulSet", name))
                .orElseThrow(() -> new AssertionError("no workload " + name + " among "
                        + all.stream().map(m -> m.kind() + "/" + m.name()).toList()));
    }
}
