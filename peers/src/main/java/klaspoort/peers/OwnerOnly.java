package klaspoort.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Files of the peers that only their owner may read: key stores, passwords, client secrets. */
public final class OwnerOnly {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerOnly() {
    }

    /** rw------- for a file, rwx------ for a directory (where the file system knows POSIX rights). */
    public static void restrict(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /** A random secret of {@code bytes} bytes as hexadecimal text. */
    public static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * The secret kept in {@code file}, created there (with its directory, both owner-only) on the first call, so a
     * process that starts later reads the same value.
     */
    public static synchronized String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                Path directory = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(directory)) {
                    Files.createDirectories(directory);
                    restrict(directory);
                }
                Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".new");
                restrict(partial);
                Files.writeString(partial, randomSecret(24));
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }
}
