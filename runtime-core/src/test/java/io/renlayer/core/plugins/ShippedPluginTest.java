package io.renlayer.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.plugins.fake.BorrowedPackagePlugin;
import io.renlayer.plugins.fake.OwnPlugin;
import io.renlayer.spi.RenLayerPlugin;
import org.junit.jupiter.api.Test;

class ShippedPluginTest {

    @Test
    void theGatewaysOwnPackageAndVendor() {
        assertThat(PluginLoader.shippedWithTheGateway(new OwnPlugin())).isTrue();
    }

    @Test
    void aVendorIsNotTheGatewayWhateverItCallsItself() {
        RenLayerPlugin claimsTheName = new RenLayerPlugin() {
            @Override
            public String vendor() {
                return "RenLayer";
            }
        };
        assertThat(PluginLoader.shippedWithTheGateway(claimsTheName)).isFalse();
        assertThat(PluginLoader.shippedWithTheGateway(new BorrowedPackagePlugin()))
                .isFalse();
    }
}
