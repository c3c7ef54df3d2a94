package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's secrets and what each part is given, without starting the suite: no
 * secret from the source, generated ones kept owner-only and reused, services on loopback only.
 */
class SuiteSecretsTest {

    private static final List<String> FORMER_DEFAULTS = List.of("dzn-dev-internal-token-secret-change-me-0123456789",
            "dzn-dev-key-hash-secret-change-me-0123456789", "dzn-dev-admin-key-0000000000000000");

    @TempDir
    Path data;

    @Test
    void theGeneratedSecretsFileIsReadableByItsOwnerOnlyAndReusedByTheNextStart() throws IOException {
        Assumptions.assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"));
        SuiteSecrets first = SuiteSecrets.load(data, Map.of());
        SuiteSecrets second = SuiteSecrets.load(data, Map.of());

        Path file = data.resolve("secrets.properties");
        assertThat(first.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).as("the second start generates nothing").isFalse();
        // Above all the key-hash secret: with another one every stored API key would stop matching.
        assertThat(second.values()).isEqualTo(first.values());
        assertThat(Files.readString(file)).contains("DZN_KEY_HASH_SECRET=" + first.values().get("DZN_KEY_HASH_SECRET"));
        try (var leftovers = Files.list(data)) {
            assertThat(leftovers).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void aSecretsFileOthersCouldReadIsNarrowedToItsOwner() throws IOException {
        Assumptions.assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"));
        SuiteSecrets first = SuiteSecrets.load(data, Map.of());
        Files.setPosixFilePermissions(first.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(SuiteSecrets.load(data, Map.of()).values()).isEqualTo(first.values());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
    }

    @Test
    void everySecretIs32RandomBytesAndNoneIsAFormerDefault(@TempDir Path other) {
        SuiteSecrets here = SuiteSecrets.load(data, Map.of());
        SuiteSecrets there = SuiteSecrets.load(other, Map.of());

        assertThat(here.values().keySet())
                .containsExactlyInAnyOrder("DZN_INTERNAL_TOKEN_SECRET", "DZN_KEY_HASH_SECRET", "DZN_ADMIN_KEY");
        here.values().forEach((name, value) -> {
            assertThat(value).as(name).matches("[0-9a-f]{64}").isNotIn(FORMER_DEFAULTS);
            assertThat(value).as(name + " in another data directory").isNotEqualTo(there.values().get(name));
        });
        assertThat(here.values().values()).doesNotHaveDuplicates();
    }

    @Test
    void aVariableTheUserSetWinsAndIsNotWrittenToTheFile() throws IOException {
        String own = "a-key-the-operator-chose-0123456789abcdef";
        SuiteSecrets secrets = SuiteSecrets.load(data, Map.of("DZN_ADMIN_KEY", own, "DZN_KEY_HASH_SECRET", " "));

        assertThat(secrets.adminKey()).isEqualTo(own);
        assertThat(secrets.adminKeyGenerated()).isFalse();
        assertThat(secrets.fromEnvironment()).containsExactly("DZN_ADMIN_KEY");
        assertThat(Files.readString(secrets.file())).doesNotContain(own).doesNotContain("DZN_ADMIN_KEY=")
                .contains("DZN_KEY_HASH_SECRET=");
    }

    @Test
    void servicesAreGivenTheLoopbackAddressAndOnlyTheTokenSecret() {
        Suite suite = new Suite(config());
        Map<String, String> env = suite.serviceEnv();

        assertThat(env).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("DZN_INTERNAL_TOKEN_SECRET", suite.secrets().internalTokenSecret())
                .doesNotContainKeys("DZN_ADMIN_KEY", "DZN_KEY_HASH_SECRET");
        assertThat(env.get("FUND_SERVICE_URL")).as("the address fund-service binds").startsWith("http://127.0.0.1:");
        assertThat(SuiteSecrets.GATEWAY_ONLY).containsExactlyInAnyOrder("DZN_ADMIN_KEY", "DZN_KEY_HASH_SECRET");
    }

    @Test
    void theGatewayIsGivenEverySecretAndListensBeyondLoopback() {
        Suite suite = new Suite(config());
        Map<String, String> env = suite.gatewayEnv();

        assertThat(env).containsAllEntriesOf(suite.secrets().values()).doesNotContainKey("SERVER_ADDRESS");
        assertThat(env.get("ZONE_SERVICE_URL")).startsWith("http://127.0.0.1:");
    }

    @Test
    void aPartDoesNotInheritAWithheldVariableOfTheLauncher() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        ChildProcess child = ChildProcess.start("env-check", List.of("/bin/sh", "-c", "echo \"home=${HOME:-withheld}\""),
                Map.of(), List.of("HOME"), data.resolve("logs"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());

        assertThat(Files.readString(child.log())).contains("home=withheld");
    }

    @Test
    void theAdminKeyIsShownInFullOnlyOnTheStartThatGeneratedIt() {
        SuiteSecrets first = SuiteSecrets.load(data, Map.of());
        SuiteSecrets later = SuiteSecrets.load(data, Map.of());

        assertThat(Launcher.adminKey(first, "http://localhost:8080")).contains(first.adminKey())
                .contains("generated").contains(first.file().toString()).contains("owner only");
        assertThat(Launcher.adminKey(later, "http://localhost:8080")).doesNotContain(first.adminKey())
                .contains(first.file().toString()).contains("sed -n");
    }

    private SuiteConfig config() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (int i = 0; i < SuiteConfig.SERVICES.size(); i++) {
            ports.put(SuiteConfig.SERVICES.get(i), 18081 + i);
        }
        return new SuiteConfig(data, data.resolve("data"), 18080, 18090, ports, 17017, null, true, List.of());
    }
}
