package cn.dzn.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How a part's JVM is started from its Spring Boot jar: from the jar extracted beside it (Boot's
 * {@code extract} layout, one plain jar per library) with an AppCDS archive of the classes the
 * part loaded the last time it ran, which the JVM maps ready-parsed instead of reading, verifying
 * and defining each class again. A service then starts in about 0.6 of the time (docs/performance.md,
 * Footprint). The first run has no archive: its JVM writes one when it exits after SIGTERM, and
 * {@link #exited} keeps it for the next start; a run killed outright keeps nothing.
 *
 * <p>The extracted copy lives in {@code <module>/target/cds/<jar>-<digest>}, the digest taken from
 * the jar's entries (names, sizes, CRCs) and the JVM, so a jar built again with the same content
 * (the build's timestamps are fixed) keeps its archive, and other content or another JDK starts
 * afresh. An archive that does not match its class path is refused by the JVM itself, which then
 * starts as it would without one. {@code DZN_CLASS_ARCHIVE=off} starts parts from their jars as built.
 *
 * @param jar the jar the JVM runs: the extracted one, or the built one when there is no archive
 * @param archive the archive this start reads, or the one its run leaves; null without one
 * @param pending where this run writes its archive at exit; null when it reads one
 */
record ClassArchive(Path jar, Path archive, Path pending) {

    static final String ARCHIVE = "classes.jsa";
    private static final String PENDING = ".pending";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    /** A run's archive not kept by then was left by a run that ended without the launcher seeing it. */
    private static final Duration ABANDONED = Duration.ofHours(1);
    /** Touched by every start from a copy; another build's copy unused this long is removed. */
    private static final String LAST_USED = "last-used";
    private static final Duration UNUSED = Duration.ofDays(1);

    /**
     * Prepares a start of {@code bootJar} with {@code java}: extracts it unless already extracted,
     * and says whether this run reads the archive or writes one. A jar that cannot be extracted
     * is started as built.
     */
    static ClassArchive prepare(String java, Path bootJar) {
        try {
            Path extracted = extracted(java, bootJar);
            Path jar = extracted.resolve(bootJar.getFileName());
            Path archive = extracted.resolve(ARCHIVE);
            Files.writeString(extracted.resolve(LAST_USED), Instant.now().toString());
            removeAbandoned(extracted);
            return new ClassArchive(jar, archive, Files.exists(archive) ? null
                    : extracted.resolve(ARCHIVE + "." + UUID.randomUUID() + PENDING));
        } catch (IOException | RuntimeException e) {
            System.err.println("starting " + bootJar.getFileName() + " without a class archive: " + e.getMessage());
            return new ClassArchive(bootJar, null, null);
        }
    }

    /** A start of {@code bootJar} as built, without an archive. */
    static ClassArchive none(Path bootJar) {
        return new ClassArchive(bootJar, null, null);
    }

    /** The JVM options that pick the archive and the jar, ending with {@code -jar <jar>}. */
    List<String> options() {
        if (archive == null) {
            return List.of("-jar", jar.toString());
        }
        if (pending == null) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
        }
        // The dump at exit lists every class it cannot archive (generated accessors, proxies) as a warning.
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                jar.toString());
    }

    /**
     * The part's JVM has ended: {@code cleanly} when it exited of itself or on SIGTERM, so the
     * archive it wrote at exit is whole and becomes the one the next start reads.
     */
    void exited(boolean cleanly) {
        if (pending == null) {
            return;
        }
        try {
            if (cleanly && Files.exists(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            // The next start writes another.
        }
    }

    private static Path extracted(String java, Path bootJar) throws IOException {
        Path cds = bootJar.toAbsolutePath().getParent().resolve("cds");
        String name = bootJar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path target = cds.resolve(name + "-" + digest(bootJar));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(cds);
        Path scratch = cds.resolve(".extracting-" + UUID.randomUUID());
        try {
            extract(java, bootJar, scratch);
            // Renamed whole, so another launcher extracting at the same time finds a whole folder or none.
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            // Another launcher was quicker; its copy is the same.
        } finally {
            deleteTree(scratch);
        }
        removeOthers(cds, name, target);
        return target;
    }

    private static void extract(String java, Path bootJar, Path destination) throws IOException {
        Process extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar", bootJar.toString(), "extract",
                "--destination", destination.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extraction.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                extraction.destroyForcibly();
                throw new IOException("extracting took over " + EXTRACT_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            extraction.destroyForcibly();
            throw new IOException("interrupted while extracting", e);
        }
        if (extraction.exitValue() != 0 || !Files.exists(destination.resolve(bootJar.getFileName()))) {
            throw new IOException("java -Djarmode=tools extract exited with " + extraction.exitValue());
        }
    }

    /** Identifies the jar's content and the JVM that reads the archive, from the jar's directory of entries. */
    static String digest(Path bootJar) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try (ZipFile zip = new ZipFile(bootJar.toFile())) {
            for (ZipEntry entry : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                sha.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    /**
     * Other builds' copies of the same jar that no start has used for a day: a deployment may
     * still run from a recent one (another port offset), and a copy takes 100–160 MB.
     */
    private static void removeOthers(Path cds, String name, Path current) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(UNUSED));
        try (Stream<Path> siblings = Files.list(cds)) {
            for (Path sibling : siblings.toList()) {
                String other = sibling.getFileName().toString();
                Path used = sibling.resolve(LAST_USED);
                if (!sibling.equals(current) && other.startsWith(name + "-")
                        && other.substring(name.length() + 1).matches("[0-9a-f]{16}")
                        && Files.getLastModifiedTime(Files.exists(used) ? used : sibling).compareTo(before) < 0) {
                    deleteTree(sibling);
                }
            }
        }
    }

    private static void removeAbandoned(Path extracted) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(ABANDONED));
        try (Stream<Path> files = Files.list(extracted)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(PENDING)
                        && Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
