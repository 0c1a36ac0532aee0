package io.renlayer.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link Gateway} of this run, starting it on first use and stopping it when
 * the run ends (JUnit closes resources in the root store last).
 */
public final class GatewayExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Gateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Gateway.class, key -> Started.start(), Started.class)
                .gateway;
    }

    private record Started(Gateway gateway) implements ExtensionContext.Store.CloseableResource {
        static Started start() {
            try {
                return new Started(Gateway.start());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the gateway under test", e);
            }
        }

        @Override
        public void close() throws Exception {
            gateway.close();
        }
    }
}
