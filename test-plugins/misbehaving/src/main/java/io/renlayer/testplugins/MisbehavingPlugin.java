package io.renlayer.testplugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;
import java.util.Map;

/**
 * Plugins behaving as badly as real ones can: a detector that throws, one that hangs ignoring
 * interrupts, an action that throws. Each detector only misbehaves when the text carries its cue,
 * the action only where a policy names it, so other tests are unaffected. Beside them, a detector
 * that needs per-tenant settings, one of them secret.
 */
public final class MisbehavingPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer tests";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new Throwing(), new Hanging(), new Configured());
    }

    @Override
    public List<PolicyAction> policyActions() {
        return List.of(new ThrowingAction());
    }

    @Override
    public List<UpstreamProvider> upstreamProviders() {
        return List.of(new FlakyProvider());
    }

    /**
     * A provider of its own dialect (Gemini's streams, on a path of its own) whose usage parsing
     * throws on every event and every body: the answer must flow all the same.
     */
    static final class FlakyProvider implements UpstreamProvider {
        @Override
        public String id() {
            return "it-flaky";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<ProviderRoute> routes() {
            return List.of(ProviderRoute.of(
                            "/it-flaky/models/{model}:streamGenerateContent", "/models/{model}:streamGenerateContent")
                    .streaming()
                    .passingQuery(List.of("alt")));
        }

        @Override
        public ModelRequest readRequest(ModelCall call) {
            return ModelRequest.of(call.pathModel(), true, call.body());
        }

        @Override
        public Map<String, String> credentialHeaders(String credential) {
            return Map.of("x-goog-api-key", credential);
        }

        @Override
        public Usage usageFromBody(byte[] body) {
            throw new IllegalStateException("usage bug on purpose");
        }

        @Override
        public Usage usageFromEvent(String data) {
            throw new IllegalStateException("usage bug on purpose");
        }
    }

    static final class ThrowingAction implements PolicyAction {
        @Override
        public String id() {
            return "it-throwing-action";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public ActionResult decide(ActionContext context) {
            throw new IllegalStateException("action bug on purpose");
        }
    }

    /**
     * Runs only for a tenant that gave it a marker; finds that marker, and says whether the secret
     * token reached it (never the token itself).
     */
    static final class Configured implements DlpDetector {
        @Override
        public String id() {
            return "it-configured";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<ConfigProperty> configProperties() {
            return List.of(
                    ConfigProperty.of("marker", ConfigProperty.Type.STRING)
                            .withLabel("Marker")
                            .required(),
                    ConfigProperty.of("token", ConfigProperty.Type.STRING)
                            .withLabel("Token")
                            .secret());
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            String marker = input.settings().get("marker");
            int at = input.text().indexOf(marker);
            if (at < 0) {
                return List.of();
            }
            String token = input.settings().get("token");
            String type = token == null ? "MARKER_WITHOUT_TOKEN" : "MARKER_WITH_TOKEN_" + token.length();
            return List.of(Finding.of(type, at, at + marker.length(), 1.0));
        }
    }

    static final class Throwing implements DlpDetector {
        @Override
        public String id() {
            return "it-throwing";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            if (input.text().contains("cue-throw")) {
                throw new IllegalStateException("detector bug on purpose");
            }
            return List.of();
        }
    }

    static final class Hanging implements DlpDetector {
        @Override
        public String id() {
            return "it-hanging";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            if (input.text().contains("cue-hang")) {
                long until = System.currentTimeMillis() + 5_000;
                while (System.currentTimeMillis() < until) {
                    try {
                        Thread.sleep(until - System.currentTimeMillis());
                    } catch (InterruptedException ignoredOnPurpose) {
                        // a badly written plugin swallows the interrupt and keeps going
                    }
                }
            }
            return List.of();
        }
    }
}
