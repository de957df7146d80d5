package io.wagate.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The chart under helm/wagate, linted and rendered by the Helm library helm-java bundles. */
final class Chart {

    /** Release "wagate" keeps object names short: wagate-api-service, wagate-postgres, ... */
    static final String RELEASE = "wagate";

    private static final Path DIRECTORY = Path.of(System.getProperty("wagate.chart", "wagate"));

    private Chart() {}

    static LintResult lintStrict() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders the chart with its defaults overridden by {@code valuesYaml} (may be empty). */
    static Manifests render(String valuesYaml) {
        try {
            Path values = Files.createTempFile(buildDirectory(), "values-", ".yaml");
            try {
                Files.writeString(values, valuesYaml);
                String rendered = new Helm(DIRECTORY)
                        .template()
                        .withName(RELEASE)
                        .withNamespace("wagate")
                        .withValuesFile(values)
                        .call();
                return new Manifests(parse(rendered));
            } finally {
                Files.deleteIfExists(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests render() {
        return render("");
    }

    private static List<Manifest> parse(String rendered) {
        var options = new LoaderOptions();
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(rendered)) {
            if (document instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                manifests.add(new Manifest(object));
            }
        }
        return manifests;
    }

    private static Path buildDirectory() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("wagate.build", "target"), "helm-values"));
    }
}
