package org.fedwan.fl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {

    /** FIPS 180-2, appendix B.1: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void sha256OfTheFipsExample() throws IOException {
        Path f = dir.resolve("abc");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        assertEquals(ABC, FileDigests.sha256(f));
        assertEquals(ABC, FileDigests.sha256("abc"));
    }

    @Test
    void aFileIsHashedOncePerSizeAndModificationTime() throws IOException {
        Path f = dir.resolve("labels");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        FileDigests.verify(f, ABC, "the test", "write it again");
        List<String> remembered = Files.readAllLines(dir.resolve(FileDigests.VERIFIED_FILE));
        assertEquals(List.of("labels 3 " + Files.getLastModifiedTime(f).toMillis() + " " + ABC), remembered);
        // the same size and modification time: the remembered digest stands, the file is not read again
        FileTime mtime = Files.getLastModifiedTime(f);
        Files.writeString(f, "abd", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(f, mtime);
        FileDigests.verify(f, ABC, "the test", "write it again");
        // a new modification time: hashed again, and the change is found
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime.toMillis() + 2000));
        IOException e = assertThrows(IOException.class, () -> FileDigests.verify(f, ABC, "the test", "write it again"));
        assertEquals(f.toAbsolutePath() + ": SHA-256 " + FileDigests.sha256(f) + ", expected " + ABC + " (the file the test "
                + "ships): the file is damaged or is not that data set's; write it again", e.getMessage());
        assertTrue(!FileDigests.sha256(f).equals(ABC));
    }
}
