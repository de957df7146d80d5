package io.wagate.api.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's own description, without a key: the OpenAPI document ({@code docs/openapi.yaml}, packaged
 * at build time) and an interactive page rendering it with Swagger UI, served from its webjar so it
 * works without internet.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocsController {

    static final String OPENAPI_RESOURCE = "public/openapi.yaml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>wagate API</title>
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/assets/swagger-ui-bundle.js"></script>
              <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/v1/openapi.yaml",
                  dom_id: "#swagger-ui",
                  deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final byte[] openApi;
    private final String webjarRoot;

    DocsController() {
        this.openApi = read(OPENAPI_RESOURCE);
        this.webjarRoot = WEBJAR + swaggerUiVersion() + "/";
    }

    @Get("/v1/openapi.yaml")
    @Produces("application/yaml")
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(openApi).contentType("application/yaml");
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }

    @Get("/docs/assets/{file}")
    @Produces({"text/css", "text/javascript", "image/png"})
    public HttpResponse<byte[]> asset(String file) {
        String type = ASSETS.get(file);
        if (type == null) {
            throw new ApiException(new ApiError.NotFound("no such asset: " + file));
        }
        return HttpResponse.ok(read(webjarRoot + file)).contentType(type);
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = DocsController.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + resource);
        }
        return in;
    }
}
