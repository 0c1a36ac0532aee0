package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaging of a plugin: that the gateway will find it and accept its ids. Implement it
 * in a test class and return your entry point's class.
 */
public interface PluginContract {

    Class<? extends RenLayerPlugin> pluginClass();

    @Test
    default void isFoundThroughServiceLoader() {
        boolean found = ServiceLoader.load(RenLayerPlugin.class).stream()
                .anyMatch(p -> p.type().equals(pluginClass()));
        assertTrue(
                found, pluginClass().getName() + " is not listed in META-INF/services/io.renlayer.spi.RenLayerPlugin");
    }

    @Test
    default void contributesWellFormedUniqueIds() throws Exception {
        RenLayerPlugin plugin = pluginClass().getDeclaredConstructor().newInstance();
        assertFalse(plugin.vendor() == null || plugin.vendor().isBlank(), "vendor must be declared");
        checkIds("detector", plugin.dlpDetectors().stream().map(DlpDetector::id).toList());
        checkIds(
                "upstream provider",
                plugin.upstreamProviders().stream().map(UpstreamProvider::id).toList());
        checkIds(
                "policy action",
                plugin.policyActions().stream().map(PolicyAction::id).toList());
        assertFalse(
                plugin.dlpDetectors().isEmpty()
                        && plugin.upstreamProviders().isEmpty()
                        && plugin.policyActions().isEmpty(),
                "the plugin contributes nothing");
    }

    private static void checkIds(String kind, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            assertTrue(DlpDetectorContract.ID.matcher(id).matches(), kind + " id '" + id + "' is malformed");
            assertTrue(seen.add(id), kind + " id '" + id + "' appears twice");
        }
    }
}
