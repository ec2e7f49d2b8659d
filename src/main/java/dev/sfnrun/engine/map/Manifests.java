package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The objects a manifest lists, each with the format it is read in. An S3 inventory manifest
 * ({@code InputType: MANIFEST}, a {@code manifest.json}) lists CSV files, gzip-compressed, in its
 * {@code destinationBucket}; each row becomes an object whose fields are named by the manifest's
 * {@code fileSchema} ({@code Bucket}, {@code Key}, {@code Size}, ...), all strings. An Athena
 * manifest ({@code ManifestType: ATHENA_DATA}) is a text file of {@code s3://} URIs, one per line,
 * each read in the ReaderConfig's InputType. Manifests are read whole, so their size is limited to
 * {@link ReaderLimits#MAX_MANIFEST_BYTES}.
 */
final class Manifests {
    private Manifests() {
    }

    static List<StreamedItems.Source> inventory(S3Directory s3, String bucket, String key) {
        S3Object manifest = S3Object.at(s3, bucket, key, ReaderLimits.MAX_MANIFEST_BYTES);
        JsonNode json;
        try (Reader in = manifest.reader()) {
            StringWriter text = new StringWriter();
            in.transferTo(text);
            json = Json.parse(text.toString());
        } catch (JsonProcessingException e) {
            throw S3Object.failed("The manifest " + manifest.uri() + " is not valid JSON: " + JsonMessages.limits(e.getOriginalMessage()));
        } catch (IOException e) {
            throw S3Object.failed("Cannot read " + manifest.uri() + ": " + S3Object.reason(e));
        }
        if (!json.isObject() || !json.path("files").isArray() || !json.path("fileSchema").isTextual()) {
            throw S3Object.failed("The manifest " + manifest.uri()
                    + " is not an S3 inventory manifest: it needs \"fileSchema\" and \"files\".");
        }
        String format = json.path("fileFormat").asText("CSV");
        if (!"CSV".equals(format)) {
            throw S3Object.failed("The S3 inventory " + manifest.uri() + " is in " + format
                    + " format; only CSV inventories are supported as an ItemReader manifest.");
        }
        List<String> schema = Arrays.stream(json.get("fileSchema").asText().split(",")).map(String::trim).toList();
        String destination = json.path("destinationBucket").asText(bucket).replaceFirst("^arn:aws[a-z-]*:s3:::", "");
        CsvFormat csv = new CsvFormat(',', schema);
        List<StreamedItems.Source> sources = new ArrayList<>();
        for (JsonNode file : json.get("files")) {
            String fileKey = file.path("key").asText(null);
            if (fileKey == null) {
                throw S3Object.failed("The manifest " + manifest.uri() + " lists a file without a \"key\".");
            }
            sources.add(new StreamedItems.Source(listed(s3, destination, fileKey), csv));
        }
        return sources;
    }

    static List<StreamedItems.Source> athena(S3Directory s3, String bucket, String key, StreamedItems.Format format) {
        S3Object manifest = S3Object.at(s3, bucket, key, ReaderLimits.MAX_MANIFEST_BYTES);
        List<StreamedItems.Source> sources = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(manifest.reader())) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String uri = line.trim();
                if (uri.isEmpty()) {
                    continue;
                }
                int slash = uri.indexOf('/', 5);
                if (!uri.startsWith("s3://") || slash < 0) {
                    throw S3Object.failed("Line " + number + " of the manifest " + manifest.uri()
                            + " is not an s3://bucket/key URI: " + uri);
                }
                sources.add(new StreamedItems.Source(listed(s3, uri.substring(5, slash), uri.substring(slash + 1)), format));
            }
        } catch (IOException e) {
            throw S3Object.failed("Cannot read " + manifest.uri() + ": " + S3Object.reason(e));
        }
        return sources;
    }

    /** A file a manifest lists: read gunzipped when its key ends in {@code .gz}. */
    private static S3Object listed(S3Directory s3, String bucket, String key) {
        return S3Object.at(s3, bucket, key, ReaderLimits.MAX_OBJECT_BYTES, key.endsWith(".gz"));
    }
}
