package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The test plugins, dropped into the running server's plugins/ once per run. */
final class TestPlugins {

    static final Path VENDOR_DETECTOR = Path.of(System.getProperty("renlayer.it.vendor-plugin"));
    static final Path VENDOR_ACTION = Path.of(System.getProperty("renlayer.it.vendor-action"));
    static final Path MISBEHAVING = Path.of(System.getProperty("renlayer.it.misbehaving-plugin"));
    static final Path GSON_OLD = Path.of(System.getProperty("renlayer.it.gson-old-plugin"));
    static final Path GSON_NEW = Path.of(System.getProperty("renlayer.it.gson-new-plugin"));

    private TestPlugins() {}

    /** Drops the jars into plugins/ of the running server, once per run, and waits until they are listed. */
    static synchronized void install(Gateway gateway, Platform platform) throws Exception {
        HttpResponse<String> now = platform.get("/api/v1/plugins");
        if (listed(Platform.json(now.body()), "office-hours").isPresent()) {
            return;
        }
        for (Path jar : List.of(VENDOR_DETECTOR, VENDOR_ACTION, MISBEHAVING, GSON_OLD, GSON_NEW)) {
            assertThat(Files.isRegularFile(jar)).as("built plugin " + jar).isTrue();
            gateway.installPlugin(jar);
        }
        for (String id :
                List.of("acme-employee-id", "office-hours", "it-hanging", "it-gson-2-10-1", "it-gson-2-13-2")) {
            await(platform, list -> listed(list, id));
        }
    }

    /** The plugin listing, polled until {@code found} finds something in it (the directory is read every 2 s). */
    static JsonObject await(Platform platform, Function<JsonObject, Optional<JsonObject>> found) throws Exception {
        JsonObject list = null;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = platform.get("/api/v1/plugins");
            assertThat(response.statusCode()).isEqualTo(200);
            list = Platform.json(response.body());
            Optional<JsonObject> hit = found.apply(list);
            if (hit.isPresent()) {
                return hit.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not in the plugin listing after 20 s: " + list);
    }

    static Optional<JsonObject> listed(JsonObject list, String id) {
        return list.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> id.equals(p.getString("id")))
                .findFirst();
    }
}
