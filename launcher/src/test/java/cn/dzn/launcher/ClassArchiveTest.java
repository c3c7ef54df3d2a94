package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class archive a part's first run leaves for its next start, with real JVMs on a copy of the
 * relay's jar (the smallest Spring Boot part): the first start writes it at exit, the next one
 * loads Spring's classes from it; a run that was killed keeps nothing; another jar starts afresh.
 */
class ClassArchiveTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void aCopyOfTheRelaysJar() throws IOException {
        Path built = SuiteConfig.findHome(Path.of("")).resolve("relay/target/relay.jar");
        jar = Files.copy(built, dir.resolve("relay.jar"));
    }

    @Test
    void theFirstRunWritesAnArchiveAtExitAndTheNextStartLoadsSpringFromIt() throws Exception {
        ClassArchive first = ClassArchive.prepare(JAVA, jar);
        assertThat(first.options()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        Path extracted = Path.of(first.options().get(first.options().size() - 1));
        assertThat(extracted.getParent().getParent()).isEqualTo(dir.resolve("cds"));
        assertThat(extracted.getParent().resolve("lib")).isNotEmptyDirectory();
        assertThat(run(first.options(), List.of()).exitCode()).isZero();
        first.exited(true);
        Path archive = extracted.getParent().resolve(ClassArchive.ARCHIVE);
        assertThat(archive).isRegularFile();

        ClassArchive next = ClassArchive.prepare(JAVA, jar);
        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        Run loaded = run(next.options(), List.of("-Xlog:class+load=info"));
        assertThat(loaded.exitCode()).isZero();
        assertThat(loaded.output()).contains(
                "org.springframework.context.support.AbstractApplicationContext source: shared objects file (top)");
    }

    @Test
    void aRunThatWasKilledKeepsNothingAndTheNextStartWritesAgain() throws IOException {
        ClassArchive killed = ClassArchive.prepare(JAVA, jar);
        Path pending = Path.of(killed.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(pending, new byte[] {1, 2, 3});
        killed.exited(false);

        assertThat(pending).doesNotExist();
        assertThat(pending.resolveSibling(ClassArchive.ARCHIVE)).doesNotExist();
        assertThat(ClassArchive.prepare(JAVA, jar).options().get(0)).startsWith("-XX:ArchiveClassesAtExit=")
                .isNotEqualTo(killed.options().get(0));
    }

    @Test
    void aJarBuiltAgainWithOtherContentIsExtractedAfreshAndTheOldCopyGoesOnceUnusedForADay() throws IOException {
        Path before = Path.of(last(ClassArchive.prepare(JAVA, jar).options())).getParent();
        rebuild("another build");
        Path after = Path.of(last(ClassArchive.prepare(JAVA, jar).options())).getParent();

        assertThat(after).isNotEqualTo(before).isDirectory();
        assertThat(after.resolve("relay.jar")).isRegularFile();
        // Started from a minute ago, the old copy may still be running a deployment.
        assertThat(before).isDirectory();

        Files.setLastModifiedTime(before.resolve("last-used"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        rebuild("a third build");
        Path third = Path.of(last(ClassArchive.prepare(JAVA, jar).options())).getParent();
        assertThat(before).doesNotExist();
        assertThat(after).isDirectory();
        assertThat(third).isDirectory();
    }

    private void rebuild(String content) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("BOOT-INF/classes/changed.txt"), content);
        }
    }

    @Test
    void aJarThatIsNoSpringBootJarStartsAsBuilt() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
        }
        assertThat(ClassArchive.prepare(JAVA, plain).options()).containsExactly("-jar", plain.toString());
    }

    record Run(int exitCode, String output) {
    }

    /** The relay as far as a refreshed context (Boot's training-run switch), with settings it accepts. */
    private Run run(List<String> options, List<String> more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC", "-Dspring.context.exit=onRefresh"));
        command.addAll(more);
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DZN_DEPLOYMENT_ID", "archive-test", "DZN_RELAY_UPSTREAM_URL",
                "http://127.0.0.1:9", "DZN_RELAY_UPSTREAM_KEY", "k".repeat(32), "DZN_RELAY_LOCAL_URL",
                "http://127.0.0.1:9", "DZN_RELAY_LOCAL_KEY", "l".repeat(32), "DZN_RELAY_STATE_DIR",
                dir.resolve("state").toString(), "SERVER_PORT", "0", "SERVER_ADDRESS", "127.0.0.1"));
        Path log = dir.resolve("run.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static String last(List<String> options) {
        return options.get(options.size() - 1);
    }
}
