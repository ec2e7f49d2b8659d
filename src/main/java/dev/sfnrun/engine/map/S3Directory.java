package dev.sfnrun.engine.map;

import dev.sfnrun.error.StatesError;
import java.nio.file.Path;

/**
 * The local directory that stands for S3: {@code s3://bucket/key} is the file {@code root/bucket/key}.
 * Keys may not climb out of their bucket.
 */
final class S3Directory {
    private final Path root;
    private final String error;

    S3Directory(Path root, String error) {
        this.root = root;
        this.error = error;
    }

    Path bucket(String bucket) {
        if (root == null) {
            throw new StatesError(error, "No local S3 directory: run sfn-run with --s3-root DIR to map s3://"
                    + bucket + "/... to DIR/" + bucket + "/...");
        }
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.equals("..") || bucket.equals(".")) {
            throw new StatesError(error, "Invalid bucket name: " + bucket);
        }
        return root.resolve(bucket);
    }

    Path object(String bucket, String key) {
        Path base = bucket(bucket).normalize();
        Path file = base.resolve(key == null ? "" : key).normalize();
        if (!file.startsWith(base)) {
            throw new StatesError(error, "Invalid key: " + key);
        }
        return file;
    }
}
