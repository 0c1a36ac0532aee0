package io.renlayer.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.runtime.Change;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The triggers of the migrations announce changes under topics the change feed knows, and only those. */
class ChangeTopicsTest {

    private static final Pattern NOTIFY = Pattern.compile("pg_notify\\('renlayer_changes',\\s*'([^']*)'");

    @Test
    void everyTopicATriggerNotifiesIsATopicOfTheFeed() throws IOException, URISyntaxException {
        List<String> payloads = new ArrayList<>();
        URL migrations = getClass().getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(migrations.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = NOTIFY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    payloads.add(m.group(1));
                }
            }
        }
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(8);
        for (String payload : payloads) {
            assertThat(Change.parse(payload.endsWith(":") ? payload + "subject" : payload))
                    .as(payload)
                    .isPresent();
        }
        assertThat(Change.parse("dlp_rules:7e0f").orElseThrow()).isEqualTo(new Change(Change.Topic.DLP_RULES, "7e0f"));
        assertThat(Change.parse("routes").orElseThrow().concerns(Change.Topic.ROUTES))
                .isTrue();
        assertThat(Change.parse("*").orElseThrow().concerns(Change.Topic.POLICIES))
                .isTrue();
        assertThat(Change.parse("api_keys:rk").orElseThrow().concerns(Change.Topic.POLICIES))
                .isFalse();
        assertThat(Change.parse("cohorts:1")).isEmpty();
    }

    @Test
    void aPayloadIsReadBackAsTheChangeItAnnounces() {
        for (Change.Topic topic : Change.Topic.values()) {
            assertThat(Change.parse(topic.payload("s")).orElseThrow()).isEqualTo(new Change(topic, "s"));
        }
    }
}
