package io.wagate.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and its interactive page answer without a key, from the service itself. */
@MicronautTest(transactional = false)
class DocsIT extends ApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOpenApiDocumentIsServedAsItIsInTheRepository() throws Exception {
        HttpResponse<String> response = get("/v1/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).isEqualTo(Files.readString(repositoryOpenApi()));
        assertThat(response.body()).contains("openapi: 3.").contains("/v1/sessions/{session_id}/messages");
    }

    @Test
    void theDocsPageAndItsAssetsAreServedLocally() throws Exception {
        HttpResponse<String> page = get("/docs");
        HttpResponse<String> bundle = get("/docs/assets/swagger-ui-bundle.js");
        HttpResponse<String> outside = get("/docs/assets/..%2F..%2Fapplication.yml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/v1/openapi.yaml").contains("/docs/assets/swagger-ui-bundle.js");
        assertThat(page.body()).doesNotContain("https://");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.getURI() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path repositoryOpenApi() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("docs/openapi.yaml");
        return Files.exists(candidate) ? candidate : here.resolveSibling("docs").resolve("openapi.yaml");
    }
}
