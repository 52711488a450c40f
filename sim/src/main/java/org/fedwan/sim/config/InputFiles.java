package org.fedwan.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the text files a scenario names (scenario and {@code extends:} files, availability
 * traces) defensively: only a regular file (never a folder, a device such as {@code /dev/zero} or a
 * pipe, which could block or never end), at most a given number of bytes (checked before reading,
 * and again while reading, since some files report no size), as strict UTF-8. Each refusal is an
 * {@link IllegalArgumentException} whose message starts with the file (and line, for a byte that is
 * not UTF-8) and says what is allowed; it never quotes the file's content.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Why {@code file} cannot be read as an input file, or {@code null} when it is a regular file
     * of at most {@code maxBytes}. Does not open the file.
     *
     * @param what what the file should be, for the message, e.g. {@code a scenario file}
     */
    public static String problem(Path file, long maxBytes, String what) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "no such file";
        } catch (IOException e) {
            return "cannot read it (" + e.getClass().getSimpleName() + "); allowed: " + what;
        }
        if (a.isDirectory()) {
            return "a folder, not a file; allowed: " + what;
        }
        if (!a.isRegularFile()) {
            return "not a regular file (a device, a pipe or a socket); allowed: " + what;
        }
        if (a.size() > maxBytes) {
            return tooLarge(a.size(), maxBytes, what);
        }
        return null;
    }

    /**
     * The text of {@code file}.
     *
     * @param maxBytes the largest file accepted, bytes
     * @param what     what the file should be, for messages, e.g. {@code a scenario file}
     * @throws NoSuchFileException      if there is no such file
     * @throws IllegalArgumentException if it is not a regular file, is larger than {@code maxBytes}
     *                                  or is not UTF-8 text; the message starts with {@code file}
     * @throws IOException              if reading fails
     */
    public static String readText(Path file, long maxBytes, String what) throws IOException {
        String problem = problem(file, maxBytes, what);
        if ("no such file".equals(problem)) {
            throw new NoSuchFileException(file.toString());
        }
        if (problem != null) {
            throw new IllegalArgumentException(file + ": " + problem);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + ": permission denied; allowed: " + what + " you may read");
        }
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(file + ": " + tooLarge(bytes.length, maxBytes, what));
        }
        return utf8(bytes, file.toString());
    }

    /**
     * {@code bytes} as strict UTF-8 text.
     *
     * @throws IllegalArgumentException {@code FILE:LINE: not UTF-8 text ...} at the first byte that is not
     */
    public static String utf8(byte[] bytes, String file) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        try {
            CoderResult result = d.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                int line = 1;
                for (int i = 0; i < at; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s:%d: not UTF-8 text (byte 0x%02X at offset %d); allowed: a UTF-8 text file", file, line,
                        bytes[at] & 0xFF, at));
            }
            d.flush(out);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; allowed: a UTF-8 text file");
        }
        out.flip();
        return out.toString();
    }

    private static String tooLarge(long size, long maxBytes, String what) {
        return String.format(Locale.ROOT, "%d bytes; allowed: %s of at most %d bytes", size, what, maxBytes);
    }
}
