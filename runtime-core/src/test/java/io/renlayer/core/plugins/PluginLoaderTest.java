package io.renlayer.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.renlayer.core.plugins.jars.EchoPlugin;
import io.renlayer.core.plugins.jars.OtherPlugin;
import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path plugins;

    @Test
    void eachJarGetsAClassLoaderOfItsOwnThatSeesTheSpiAndTheJdkOnly() throws Exception {
        echoJar("echo.jar");
        other("other.jar");
        PluginSet set = new PluginLoader(plugins, RenLayerPlugin.class.getClassLoader(), PluginSet.DEFAULT_BUDGET)
                .load(PluginSet.EMPTY);

        DlpDetector echo = set.detectors().getFirst();
        ClassLoader echoLoader = echo.getClass().getClassLoader();
        ClassLoader otherLoader =
                set.policyAction("other").orElseThrow().getClass().getClassLoader();
        assertThat(echoLoader).isInstanceOf(PluginClassLoader.class).isNotSameAs(otherLoader);
        assertThat(echo)
                .isNotInstanceOf(EchoPlugin.class
                        .getClassLoader()
                        .loadClass(echo.getClass().getName()));

        Method sees = echoLoader.loadClass(EchoPlugin.class.getName()).getMethod("sees", String.class);
        assertThat(sees.invoke(null, RenLayerPlugin.class.getName())).isEqualTo(true);
        assertThat(sees.invoke(null, "java.net.http.HttpClient")).isEqualTo(true);
        assertThat(sees.invoke(null, PluginRegistry.class.getName()))
                .as("the gateway's internals")
                .isEqualTo(false);
        assertThat(sees.invoke(null, "jakarta.enterprise.context.ApplicationScoped"))
                .as("the application server's API")
                .isEqualTo(false);
        assertThat(sees.invoke(null, OtherPlugin.class.getName()))
                .as("another plugin's classes")
                .isEqualTo(false);
    }

    @Test
    void anUnchangedDirectoryIsTheSameSetAndAnUnchangedJarKeepsItsPluginsAndHealth() throws Exception {
        echoJar("echo.jar");
        PluginLoader loader =
                new PluginLoader(plugins, RenLayerPlugin.class.getClassLoader(), PluginSet.DEFAULT_BUDGET);
        PluginSet first = loader.load(PluginSet.EMPTY);
        first.health(PluginKind.DLP_DETECTOR, "echo").failed(new IllegalStateException("once"));

        assertThat(loader.load(first)).isSameAs(first);

        other("other.jar");
        PluginSet second = loader.load(first);
        assertThat(second).isNotSameAs(first);
        assertThat(second.policyAction("other")).isPresent();
        assertThat(second.detectors().getFirst()).isSameAs(first.detectors().getFirst());
        assertThat(second.health(PluginKind.DLP_DETECTOR, "echo").snapshot().failures())
                .isEqualTo(1);

        Files.delete(plugins.resolve("echo.jar"));
        PluginSet third = loader.load(second);
        assertThat(third.detectors()).isEmpty();
        assertThat(third.policyAction("other"))
                .containsSame(second.policyAction("other").orElseThrow());
        assertThat(second.detectors()).hasSize(1); // a call still holding the old set keeps its plugins
    }

    @Test
    void aJarBuiltForAnSpiThisGatewayCannotServeIsRefusedAndListedWithWhy() throws Exception {
        TestJars.write(plugins.resolve("future.jar"), "2.0", EchoPlugin.class, EchoPlugin.class, echoDetector());
        TestJars.write(plugins.resolve("newer-minor.jar"), "1.99", OtherPlugin.class, otherClasses());

        PluginSet set = new PluginLoader(plugins, RenLayerPlugin.class.getClassLoader(), PluginSet.DEFAULT_BUDGET)
                .load(PluginSet.EMPTY);

        assertThat(set.describe()).isEmpty();
        assertThat(set.refused())
                .extracting(RefusedJar::sourceJar, RefusedJar::spiVersion)
                .containsExactly(tuple("future.jar", "2.0"), tuple("newer-minor.jar", "1.99"));
        assertThat(set.refused().getFirst().reason())
                .isEqualTo("built for SPI 2.0, which this gateway (SPI " + RenLayerPlugin.SPI_VERSION + ") cannot run");
    }

    @Test
    void aSecondJarClaimingAnIdInUseIsRefusedWholeAndTheFirstKeepsIt() throws Exception {
        echoJar("a-echo.jar");
        PluginLoader loader =
                new PluginLoader(plugins, RenLayerPlugin.class.getClassLoader(), PluginSet.DEFAULT_BUDGET);
        PluginSet first = loader.load(PluginSet.EMPTY);
        TestJars.write(plugins.resolve("0-impostor.jar"), "1.0", EchoPlugin.class, EchoPlugin.class, echoDetector());

        PluginSet second = loader.load(first);

        assertThat(second.detectors()).containsExactly(first.detectors().getFirst());
        assertThat(second.refused()).singleElement().satisfies(r -> {
            assertThat(r.sourceJar()).isEqualTo("0-impostor.jar");
            assertThat(r.reason()).isEqualTo("another plugin already has the DLP_DETECTOR id 'echo'");
        });
    }

    @Test
    void aJarWithoutAnEntryPointOrThatCannotLoadIsRefused() throws Exception {
        TestJars.write(plugins.resolve("library.jar"), null, null, EchoPlugin.class);
        TestJars.write(plugins.resolve("broken.jar"), "1.0", EchoPlugin.class, EchoPlugin.class); // no detector class
        Files.writeString(plugins.resolve("not-a-jar.jar"), "hello");

        PluginSet set = new PluginLoader(plugins, RenLayerPlugin.class.getClassLoader(), PluginSet.DEFAULT_BUDGET)
                .load(PluginSet.EMPTY);

        assertThat(set.describe()).isEmpty();
        assertThat(set.refused())
                .extracting(RefusedJar::sourceJar)
                .containsExactly("broken.jar", "library.jar", "not-a-jar.jar");
        assertThat(set.refused().get(0).reason()).startsWith("cannot be loaded: java.lang.NoClassDefFoundError");
        assertThat(set.refused().get(1).reason()).isEqualTo("no META-INF/services/io.renlayer.spi.RenLayerPlugin");
    }

    private void echoJar(String name) throws IOException {
        TestJars.write(plugins.resolve(name), "1.0", EchoPlugin.class, EchoPlugin.class, echoDetector());
    }

    private void other(String name) throws IOException {
        TestJars.write(plugins.resolve(name), "1.1", OtherPlugin.class, otherClasses());
    }

    private static Class<?> echoDetector() {
        return EchoPlugin.class.getDeclaredClasses()[0];
    }

    private static Class<?>[] otherClasses() {
        try {
            return new Class<?>[] {OtherPlugin.class, Class.forName(OtherPlugin.class.getName() + "$1")};
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
