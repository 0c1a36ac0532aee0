package io.renlayer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the modules that docs/architecture.md draws, checked on the compiled classes
 * of each module: the SPI depends on nothing of ours, plugins see only the SPI, the proxy sees only
 * the runtime core and the SPI, the core sees neither the management side nor the proxy, the two
 * faces (the Platform API and the console) never see each other, and no packages form a cycle.
 */
class ModuleArrowsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static JavaClasses module(String... dirs) {
        Path[] classes = Arrays.stream(dirs)
                .map(d -> ROOT.resolve(d).resolve("target/classes"))
                .toArray(Path[]::new);
        for (Path dir : classes) {
            assertThat(Files.isDirectory(dir)).as(dir + " is built").isTrue();
        }
        JavaClasses imported = new ClassFileImporter().importPaths(classes);
        assertThat(imported).as("classes of " + String.join(", ", dirs)).isNotEmpty();
        return imported;
    }

    @Test
    void theSpiDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.renlayer.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.renlayer..")
                .andShould()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.renlayer.spi..", "java..")
                .because("plugin vendors build against the SPI alone")
                .check(module("spi"));
    }

    @Test
    void pluginsSeeOnlyTheSpi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.renlayer.core..",
                        "io.renlayer.admin..",
                        "io.renlayer.proxy..",
                        "io.renlayer.api..",
                        "io.renlayer.console..")
                .because("a plugin never reaches into the gateway's internals")
                .check(module(
                        "plugins/upstream-openai",
                        "plugins/upstream-anthropic",
                        "plugins/upstream-mcp",
                        "plugins/upstream-gemini",
                        "plugins/dlp-builtin",
                        "plugins/policy-builtin",
                        "examples/vendor-detector",
                        "examples/vendor-action",
                        "test-plugins/misbehaving",
                        "test-plugins/gson-2.10",
                        "test-plugins/gson-2.13"));
    }

    @Test
    void theProxySeesOnlyTheCoreAndTheSpi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.renlayer.admin..", "io.renlayer.api..", "io.renlayer.console..", "io.renlayer.plugins..")
                .check(module("proxy-servlet"));
    }

    @Test
    void theCoreSeesNeitherTheManagementSideNorTheProxy() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.renlayer.admin..",
                        "io.renlayer.proxy..",
                        "io.renlayer.api..",
                        "io.renlayer.console..",
                        "io.renlayer.plugins..")
                .check(module("runtime-core"));
    }

    @Test
    void theManagementServicesSeeNoFaceAndNoProxy() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.renlayer.proxy..", "io.renlayer.api..", "io.renlayer.console..")
                .check(module("admin-ejb"));
    }

    @Test
    void theFacesNeverSeeEachOtherNorTheProxy() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.renlayer.console..", "io.renlayer.proxy..")
                .check(module("admin-api"));
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.renlayer.api..", "io.renlayer.proxy..")
                .check(module("console-jsf"));
    }

    /**
     * The gateway's own packages. The SPI is left out: its root package (the plugin's entry point
     * and the {@code @Experimental} marker) and its kinds refer to each other by design, and its
     * shape is frozen for vendors (japicmp), not open to being rearranged.
     */
    @Test
    void noPackagesFormACycle() {
        slices().matching("io.renlayer.(**)")
                .should()
                .beFreeOfCycles()
                .check(module("runtime-core", "admin-ejb", "proxy-servlet", "admin-api", "console-jsf"));
    }
}
