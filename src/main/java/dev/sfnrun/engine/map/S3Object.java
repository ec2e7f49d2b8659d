package dev.sfnrun.engine.map;

import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

/**
 * One object an ItemReader reads: its file under the local S3 directory, its size (checked against
 * {@link ReaderLimits} before anything is read), and its bytes with a leading UTF-8 byte-order mark
 * skipped, as every reader (JSON, JSON Lines, CSV) does. A {@code .gz} object of a manifest is read
 * gunzipped.
 */
final class S3Object {
    private static final int BUFFER = 64 * 1024;

    final String bucket;
    final String key;
    final Path file;
    final long size;
    private final boolean gzip;
    private final long limit;

    private S3Object(String bucket, String key, Path file, long size, boolean gzip, long limit) {
        this.bucket = bucket;
        this.key = key;
        this.file = file;
        this.size = size;
        this.gzip = gzip;
        this.limit = limit;
    }

    /**
     * The object s3://bucket/key, which must exist and be no larger than {@code limit} bytes; a
     * {@code gzip} object must also inflate to no more than {@code limit} bytes (checked as it is read).
     */
    static S3Object at(S3Directory s3, String bucket, String key, long limit) {
        return at(s3, bucket, key, limit, false);
    }

    static S3Object at(S3Directory s3, String bucket, String key, long limit, boolean gzip) {
        Path file = s3.object(bucket, key);
        String uri = "s3://" + bucket + "/" + key;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw failed("The specified key does not exist: " + uri + " (" + file + ")");
        } catch (IOException e) {
            throw failed("Cannot read " + uri + " (" + file + "): " + reason(e));
        }
        if (!attributes.isRegularFile()) {
            throw failed("The specified key does not exist: " + uri + " (" + file + " is not a file)");
        }
        if (attributes.size() > limit) {
            throw failed(ReaderLimits.objectTooLarge(uri, attributes.size()));
        }
        return new S3Object(bucket, key, file, attributes.size(), gzip, limit);
    }

    String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /**
     * The object's bytes, gunzipped if it is a compressed manifest file (failing once it inflates past
     * the object's limit), a UTF-8 byte-order mark skipped.
     */
    InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = new BufferedInputStream(gzip ? new Bounded(new GZIPInputStream(raw, BUFFER)) : raw, BUFFER);
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        return in;
    }

    /** The object's text (UTF-8; malformed bytes are an error, never silently replaced). */
    Reader reader() throws IOException {
        return new InputStreamReader(open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Why a read failed, in plain words ("Input length = 1" is what Java says of a byte that is not UTF-8). */
    static String reason(Exception e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text (a byte sequence that is not UTF-8); save it in that encoding";
        }
        return e.getMessage();
    }

    /** An inflating stream that fails with States.ItemReaderFailed once it has given more than the limit. */
    private final class Bounded extends FilterInputStream {
        private long total;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            total += n;
            if (total > limit) {
                throw failed(ReaderLimits.inflatesTooLarge(uri(), limit));
            }
        }
    }

    static StatesError failed(String cause) {
        return new StatesError(ErrorNames.ITEM_READER_FAILED, cause);
    }
}
