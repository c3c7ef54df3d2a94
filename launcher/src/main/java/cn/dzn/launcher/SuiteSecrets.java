package cn.dzn.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded default's secrets. Nothing in the source may sign a token or open the gateway, so
 * the launcher makes them up on first start and keeps them in {@code <data>/secrets.properties},
 * readable by its owner only. They are reused on every later start: the key-hash secret above all,
 * since with another one every stored API key stops matching. A variable the user sets still wins.
 *
 * @param generated whether this start wrote a value (the first start, or one after a value was removed)
 */
public record SuiteSecrets(Map<String, String> values, Set<String> fromEnvironment, Path file, boolean generated) {

    public static final String FILE = "secrets.properties";
    public static final String INTERNAL_TOKEN_SECRET = "DZN_INTERNAL_TOKEN_SECRET";
    public static final String KEY_HASH_SECRET = "DZN_KEY_HASH_SECRET";
    public static final String ADMIN_KEY = "DZN_ADMIN_KEY";
    /** Only the gateway admits keys, so only it learns how they are hashed and the admin's key. */
    public static final List<String> GATEWAY_ONLY = List.of(KEY_HASH_SECRET, ADMIN_KEY);
    static final List<String> ALL = List.of(INTERNAL_TOKEN_SECRET, KEY_HASH_SECRET, ADMIN_KEY);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static SuiteSecrets load(Path dataDir) {
        return load(dataDir, System.getenv());
    }

    /** Reads the file, generates what neither it nor {@code environment} holds, and writes it back if so. */
    public static SuiteSecrets load(Path dataDir, Map<String, String> environment) {
        Path file = dataDir.resolve(FILE);
        try {
            Properties stored = read(file);
            boolean generated = false;
            for (String name : ALL) {
                if (blank(environment.get(name)) && blank(stored.getProperty(name))) {
                    stored.setProperty(name, random());
                    generated = true;
                }
            }
            if (generated) {
                write(dataDir, file, stored);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> fromEnvironment = new java.util.TreeSet<>();
            for (String name : ALL) {
                if (blank(environment.get(name))) {
                    values.put(name, stored.getProperty(name).strip());
                } else {
                    values.put(name, environment.get(name));
                    fromEnvironment.add(name);
                }
            }
            return new SuiteSecrets(Map.copyOf(values), Set.copyOf(fromEnvironment), file, generated);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the suite's secrets in " + file + ": " + e.getMessage(), e);
        }
    }

    public String adminKey() {
        return values.get(ADMIN_KEY);
    }

    public String internalTokenSecret() {
        return values.get(INTERNAL_TOKEN_SECRET);
    }

    public boolean adminKeyGenerated() {
        return !fromEnvironment.contains(ADMIN_KEY);
    }

    /** What every service gets: the secret that lets it verify the gateway's tokens. */
    public Map<String, String> forServices() {
        return Map.of(INTERNAL_TOKEN_SECRET, internalTokenSecret());
    }

    public Map<String, String> forGateway() {
        return values;
    }

    /** 32 bytes from SecureRandom, in hex: fits an env var, a properties file and a curl header as is. */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Properties read(Path file) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            // A copy or an unpack may have widened it; the secrets in it are as good as the key.
            restrictToOwner(file);
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        return stored;
    }

    /** Written beside the file, owner-only from its creation, then moved over it: never readable by others, never half-written. */
    private static void write(Path dataDir, Path file, Properties stored) throws IOException {
        Files.createDirectories(dataDir);
        Path temp = posix(dataDir)
                ? Files.createTempFile(dataDir, ".secrets", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dataDir, ".secrets", ".tmp");
        try {
            restrictToOwner(temp);
            StringBuilder text = new StringBuilder("# Generated by the launcher at its first start; kept for every later one.\n")
                    .append("# Changing DZN_KEY_HASH_SECRET makes every stored API key invalid. Owner-only: keep it so.\n");
            for (String name : ALL) {
                if (stored.getProperty(name) != null) {
                    text.append(name).append('=').append(stored.getProperty(name).strip()).append('\n');
                }
            }
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            // Windows: one entry, the owner's, instead of the inherited ones (Users, Everyone, …).
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
            return;
        }
        java.io.File plain = file.toFile();
        boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                && plain.setWritable(false, false) && plain.setWritable(true, true);
        if (!restricted) {
            System.err.println("warning: could not make " + file + " readable by its owner only; restrict it by hand");
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
