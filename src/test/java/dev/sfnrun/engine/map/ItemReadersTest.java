package dev.sfnrun.engine.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ItemReader's objects: JSON arrays, JSON Lines and CSV as AWS reads them, read as a stream. */
class ItemReadersTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path s3;

    /** Runs a distributed Map over s3://data/KEY with the given ReaderConfig, each child returning its item. */
    private ExecutionResult run(String readerConfig, String key) throws Exception {
        return run("getObject", readerConfig, "\"Key\": \"" + key + "\"");
    }

    private ExecutionResult run(String resource, String readerConfig, String parameters) throws Exception {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 3,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:%s", "ReaderConfig": %s,
                                 "Parameters": {"Bucket": "data", %s}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}}}}""".formatted(resource, readerConfig, parameters);
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withTasks(TaskRegistry.withBuiltins())
                .withS3Root(s3).withType(ExecutionType.STANDARD);
        return new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("{}"), "{}", options).run();
    }

    private void object(String key, String text) throws Exception {
        object(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private void object(String key, byte[] bytes) throws Exception {
        Path file = s3.resolve("data").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private static String output(ExecutionResult result) {
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + ": " + result.cause());
        return Json.compact(result.output());
    }

    private static String failure(ExecutionResult result) {
        assertEquals(ExecutionStatus.FAILED, result.status(), () -> "output " + result.output());
        assertEquals("States.ItemReaderFailed", result.error());
        return result.cause();
    }

    @Test
    void jsonArrayItemsComeInOrderUpToMaxItems() throws Exception {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            array.append(i == 0 ? "" : ",").append("{\"v\":").append(i).append(",\"a\":[").append(i).append("]}");
        }
        object("items.json", array.append("]").toString());
        JsonNode all = Json.parse(output(run("{}", "items.json")));
        assertEquals(50, all.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, all.get(i).path("v").asInt());
            assertEquals(i, all.get(i).path("a").get(0).asInt());
        }
        assertEquals("[{\"v\":0,\"a\":[0]},{\"v\":1,\"a\":[1]}]", output(run("{\"MaxItems\": 2}", "items.json")));
        HistoryEvent started = run("{\"MaxItems\": 7}", "items.json").events().stream()
                .filter(e -> e.type() == EventType.MapStateStarted).findFirst().orElseThrow();
        assertTrue(started.toString().contains("7"), started.toString());
    }

    @Test
    void jsonThatIsNotAnArrayOrNotJsonFailsBeforeAnyChild() throws Exception {
        object("object.json", "{\"a\": [1, 2]}");
        assertEquals("Attempting to map over non-iterable node.", failure(run("{}", "object.json")));
        object("broken.json", "[1, 2,\n {\"a\": }]");
        ExecutionResult broken = run("{}", "broken.json");
        String cause = failure(broken);
        assertTrue(cause.startsWith("The object s3://data/broken.json is not valid JSON: "), cause);
        assertTrue(cause.contains("line 2"), cause);
        assertTrue(broken.events().stream().noneMatch(e -> e.type() == EventType.MapRunStarted));
        object("trailing.json", "[1] [2]");
        assertTrue(failure(run("{}", "trailing.json")).contains("not valid JSON"));
        object("empty.json", "");
        assertTrue(failure(run("{}", "empty.json")).contains("is empty"));
    }

    @Test
    void jsonLinesSkipBlankLinesAndNameABadLine() throws Exception {
        object("items.jsonl", "{\"a\":1}\n\n[2]\r\n\"three\"\n");
        assertEquals("[{\"a\":1},[2],\"three\"]", output(run("{\"InputType\": \"JSONL\"}", "items.jsonl")));
        object("bad.jsonl", "{\"a\":1}\n{\"a\":\n{\"a\":3}\n");
        String cause = failure(run("{\"InputType\": \"JSONL\"}", "bad.jsonl"));
        assertTrue(cause.startsWith("Line 2 of s3://data/bad.jsonl is not valid JSON: "), cause);
        object("two.jsonl", "1 2\n");
        assertEquals("Line 1 of s3://data/two.jsonl is not valid JSON: more than one JSON value on the line",
                failure(run("{\"InputType\": \"JSONL\"}", "two.jsonl")));
        // past MaxItems nothing is read: a bad line there does not matter
        assertEquals("[{\"a\":1}]", output(run("{\"InputType\": \"JSONL\", \"MaxItems\": 1}", "bad.jsonl")));
    }

    @Test
    void csvQuotingAndEscapingAsAwsDocumentsIt() throws Exception {
        object("q.csv", "name,note,path\n"
                + "\"Lovelace, Ada\",\"two\nlines\",plain\n"
                + "{\"\"k\"\":\"\"v\"\"},\"say \"\"hi\"\"\",C:\\\\dir\\\\file\n"
                + "a\\,b,x\\\"y,\\q\n"
                + "\n"
                + "short\n"
                + "1,2,3,4\r\n");
        JsonNode items = Json.parse(output(run("{\"InputType\": \"CSV\"}", "q.csv")));
        assertEquals(5, items.size(), items.toString());
        assertEquals("{\"name\":\"Lovelace, Ada\",\"note\":\"two\\nlines\",\"path\":\"plain\"}", Json.compact(items.get(0)));
        assertEquals("{\"k\":\"v\"}", items.get(1).path("name").asText());
        assertEquals("say \"hi\"", items.get(1).path("note").asText());
        assertEquals("C:\\dir\\file", items.get(1).path("path").asText());
        assertEquals("a,b", items.get(2).path("name").asText());
        assertEquals("x\"y", items.get(2).path("note").asText());
        assertEquals("q", items.get(2).path("path").asText());
        assertEquals("{\"name\":\"short\",\"note\":\"\",\"path\":\"\"}", Json.compact(items.get(3)));
        assertEquals("{\"name\":\"1\",\"note\":\"2\",\"path\":\"3\"}", Json.compact(items.get(4)));
    }

    @Test
    void anObjectThatIsNotUtf8IsSaidSoInPlainWords() throws Exception {
        byte[] latin1 = {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        object("latin1.csv", latin1);
        object("latin1.jsonl", new byte[] {'"', 'c', 'a', 'f', (byte) 0xE9, '"', '\n'});
        String csv = failure(run("{\"InputType\": \"CSV\"}", "latin1.csv"));
        assertEquals("Cannot read s3://data/latin1.csv: it is not UTF-8 text (a byte sequence that is not UTF-8); "
                + "save it in that encoding", csv); // it was "Input length = 1"
        String jsonl = failure(run("{\"InputType\": \"JSONL\"}", "latin1.jsonl"));
        assertTrue(jsonl.contains("it is not UTF-8 text"), jsonl);
    }

    @Test
    void theJsonReaderRefusesUtf16AndUtf32AsJsonLinesAndCsvDo() throws Exception {
        // UTF-16LE with its byte-order mark: Jackson's byte parser detected it and read [1]
        object("u16.json", new byte[] {(byte) 0xFF, (byte) 0xFE, '[', 0, '1', 0, ']', 0});
        assertEquals("Cannot read s3://data/u16.json: it is not UTF-8 text (a byte sequence that is not UTF-8); "
                + "save it in that encoding", failure(run("{}", "u16.json")));
        object("u16.jsonl", new byte[] {(byte) 0xFF, (byte) 0xFE, '[', 0, '1', 0, ']', 0});
        assertEquals("Cannot read s3://data/u16.jsonl: it is not UTF-8 text (a byte sequence that is not UTF-8); "
                + "save it in that encoding", failure(run("{\"InputType\": \"JSONL\"}", "u16.jsonl")));
        // UTF-32BE without a mark: valid UTF-8 bytes (NULs), not valid JSON
        object("u32.json", new byte[] {0, 0, 0, '[', 0, 0, 0, '1', 0, 0, 0, ']'});
        assertTrue(failure(run("{}", "u32.json")).startsWith("The object s3://data/u32.json is not valid JSON: "));
        object("latin1.json", new byte[] {'[', '"', 'c', 'a', 'f', (byte) 0xE9, '"', ']'});
        assertEquals("Cannot read s3://data/latin1.json: it is not UTF-8 text (a byte sequence that is not UTF-8); "
                + "save it in that encoding", failure(run("{}", "latin1.json")));
        object("inv/latin1.json", new byte[] {'{', '"', 'f', 'i', 'l', 'e', 's', '"', ':', '[', ']', ',', '"', 'x', '"', ':',
            '"', (byte) 0xE9, '"', '}'});
        assertEquals("Cannot read s3://data/inv/latin1.json: it is not UTF-8 text (a byte sequence that is not UTF-8); "
                + "save it in that encoding", failure(run("{\"InputType\": \"MANIFEST\"}", "inv/latin1.json")));
    }

    @Test
    void csvDelimitersAndGivenHeaders() throws Exception {
        object("p.csv", "a|b\n\"x|y\"|z\n");
        assertEquals("[{\"h1\":\"a\",\"h2\":\"b\"},{\"h1\":\"x|y\",\"h2\":\"z\"}]", output(run(
                "{\"InputType\": \"CSV\", \"CSVDelimiter\": \"PIPE\", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"h1\", \"h2\"]}",
                "p.csv")));
        object("t.csv", "a\tb\n1\t2\n");
        assertEquals("[{\"a\":\"1\",\"b\":\"2\"}]", output(run("{\"InputType\": \"CSV\", \"CSVDelimiter\": \"TAB\"}", "t.csv")));
    }

    @Test
    void aStrayQuoteOrAnOpenQuotedFieldFailsNamingItsLine() throws Exception {
        object("stray.csv", "a,b\n1,2\nx\"y,3\n4,5\n");
        assertEquals("The CSV object s3://data/stray.csv is malformed at line 3: a quote inside an unquoted field "
                + "(write it as \"\" or quote the whole field)", failure(run("{\"InputType\": \"CSV\"}", "stray.csv")));
        object("open.csv", "a,b\n1,2\n\"never closed,3\n4,5\n6,7\n");
        assertEquals("The CSV object s3://data/open.csv is malformed at line 3: the quoted field opened on line 3 is never closed",
                failure(run("{\"InputType\": \"CSV\"}", "open.csv")));
        object("after.csv", "a,b\n\"x\"y,1\n");
        String cause = failure(run("{\"InputType\": \"CSV\"}", "after.csv"));
        assertTrue(cause.startsWith("The CSV object s3://data/after.csv is malformed at line 2: unexpected character 'y'"), cause);
        object("dup.csv", "a,a\n1,2\n");
        assertEquals("CSV headers cannot contain duplicates.", failure(run("{\"InputType\": \"CSV\"}", "dup.csv")));
    }

    @Test
    void aCsvHeaderOverTenKibFails() throws Exception {
        String header = "h".repeat(10 * 1024 - 2) + ",x";
        object("ok.csv", header + "\n1,2\n");
        assertEquals("2", Json.parse(output(run("{\"InputType\": \"CSV\"}", "ok.csv"))).get(0).path("x").asText());
        object("big.csv", header + "y\n1,2\n");
        assertEquals(ReaderLimits.headerTooLarge(10 * 1024 + 1), failure(run("{\"InputType\": \"CSV\"}", "big.csv")));
    }

    @Test
    void aByteOrderMarkIsSkippedByEveryReader() throws Exception {
        object("bom.json", withBom("[{\"a\":1}]"));
        assertEquals("[{\"a\":1}]", output(run("{}", "bom.json")));
        object("bom.jsonl", withBom("{\"a\":1}\n{\"a\":2}\n"));
        assertEquals("[{\"a\":1},{\"a\":2}]", output(run("{\"InputType\": \"JSONL\"}", "bom.jsonl")));
        object("bom.csv", withBom("id,name\n1,x\n"));
        assertEquals("[{\"id\":\"1\",\"name\":\"x\"}]", output(run("{\"InputType\": \"CSV\"}", "bom.csv")));
    }

    @Test
    void anObjectOverTheSizeLimitFailsWithoutBeingRead() throws Exception {
        Path file = s3.resolve("data").resolve("huge.json");
        Files.createDirectories(file.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ReaderLimits.MAX_OBJECT_BYTES + 1); // sparse: no bytes written
        }
        long start = System.nanoTime();
        assertEquals(ReaderLimits.objectTooLarge("s3://data/huge.json", ReaderLimits.MAX_OBJECT_BYTES + 1),
                failure(run("{}", "huge.json")));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the object was read");
    }

    @Test
    void malformedUtf8IsAnErrorNotReplaced() throws Exception {
        object("bad.csv", new byte[] {'a', '\n', (byte) 0xC3, '(', '\n'});
        assertTrue(failure(run("{\"InputType\": \"CSV\"}", "bad.csv")).startsWith("Cannot read s3://data/bad.csv: "));
    }

    private static byte[] gzip(String text) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void anS3InventoryManifestListsGzippedCsvFiles() throws Exception {
        object("inv/data/one.csv.gz", gzip("\"src\",\"a.txt\",\"10\"\n\"src\",\"b.txt\",\"20\"\n"));
        object("inv/data/two.csv.gz", gzip("\"src\",\"c.txt\",\"30\"\n"));
        object("inv/manifest.json", """
                {"sourceBucket": "src", "destinationBucket": "arn:aws:s3:::data", "version": "2016-11-30",
                 "fileFormat": "CSV", "fileSchema": "Bucket, Key, Size",
                 "files": [{"key": "inv/data/one.csv.gz", "size": 60, "MD5checksum": "x"},
                           {"key": "inv/data/two.csv.gz", "size": 30, "MD5checksum": "y"}]}""");
        assertEquals("[{\"Bucket\":\"src\",\"Key\":\"a.txt\",\"Size\":\"10\"},{\"Bucket\":\"src\",\"Key\":\"b.txt\",\"Size\":\"20\"},"
                + "{\"Bucket\":\"src\",\"Key\":\"c.txt\",\"Size\":\"30\"}]", output(run("{\"InputType\": \"MANIFEST\"}", "inv/manifest.json")));
        assertEquals(2, Json.parse(output(run("{\"InputType\": \"MANIFEST\", \"MaxItems\": 2}", "inv/manifest.json"))).size());
        object("inv/orc.json", "{\"fileFormat\": \"ORC\", \"fileSchema\": \"Bucket, Key\", \"files\": []}");
        assertEquals("The S3 inventory s3://data/inv/orc.json is in ORC format; only CSV inventories are supported "
                + "as an ItemReader manifest.", failure(run("{\"InputType\": \"MANIFEST\"}", "inv/orc.json")));
        object("inv/missing.json", "{\"fileSchema\": \"Bucket, Key\", \"files\": [{\"key\": \"inv/data/gone.csv.gz\"}]}");
        assertTrue(failure(run("{\"InputType\": \"MANIFEST\"}", "inv/missing.json"))
                .startsWith("The specified key does not exist: s3://data/inv/data/gone.csv.gz"));
    }

    @Test
    void anAthenaManifestListsDataFilesInTheInputType() throws Exception {
        object("athena/1.csv.gz", gzip("1,x\n2,y\n"));
        object("athena/2.csv", "3,z\n");
        object("athena/manifest.csv", "s3://data/athena/1.csv.gz\ns3://data/athena/2.csv\n");
        assertEquals("[{\"n\":\"1\",\"s\":\"x\"},{\"n\":\"2\",\"s\":\"y\"},{\"n\":\"3\",\"s\":\"z\"}]", output(run(
                "{\"ManifestType\": \"ATHENA_DATA\", \"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"n\", \"s\"]}",
                "athena/manifest.csv")));
    }

    @Test
    void loadAndFlattenReadsEveryListedObject() throws Exception {
        object("in/a.json", "[1, 2]");
        object("in/b.json", withBom("[3]"));
        object("in/c.json", "[]");
        object("in/d.json", "[4, 5, 6]");
        object("other/x.json", "[99]");
        String flatten = "{\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"JSON\"%s}";
        assertEquals("[1,2,3,4,5,6]", output(run("listObjectsV2", flatten.formatted(""), "\"Prefix\": \"in/\"")));
        assertEquals("[1,2,3,4]", output(run("listObjectsV2", flatten.formatted(", \"MaxItems\": 4"), "\"Prefix\": \"in/\"")));
        object("lines/a.jsonl", "{\"k\":1}\n{\"k\":2}\n");
        object("lines/b.jsonl", "{\"k\":3}\n");
        assertEquals("[{\"k\":1},{\"k\":2},{\"k\":3}]", output(run("listObjectsV2",
                "{\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"JSONL\"}", "\"Prefix\": \"lines/\"")));
        object("in/e.json", "{\"not\": \"an array\"}");
        assertEquals("Attempting to map over non-iterable node.",
                failure(run("listObjectsV2", flatten.formatted(""), "\"Prefix\": \"in/\"")));
    }

    /** A Map with ItemSelector and ItemBatcher over items from S3 or, the same items, from the input. */
    private String selectedAndBatched(String itemSource, String input, String batcher) throws Exception {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s,
                  "ItemSelector": {"n.$": "$$.Map.Item.Value.v", "i.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
                  "ItemBatcher": %s,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}}}}""".formatted(itemSource, batcher);
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withTasks(TaskRegistry.withBuiltins())
                .withS3Root(s3).withType(ExecutionType.STANDARD);
        return output(new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse(input), input, options).run());
    }

    @Test
    void selectorAndBatcherOverStreamedItemsGiveWhatTheyGiveInMemory() throws Exception {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 23; i++) {
            array.append(i == 0 ? "" : ",").append("{\"v\":").append(i * 7).append(",\"pad\":\"").append("x".repeat(i)).append("\"}");
        }
        array.append("]");
        object("sel.json", array.toString());
        String reader = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {\"Bucket\": \"data\", \"Key\": \"sel.json\"}}";
        for (String batcher : new String[] {"{\"MaxItemsPerBatch\": 4, \"BatchInput\": {\"b.$\": \"$.tag\"}}",
                "{\"MaxInputBytesPerBatch\": 100}"}) {
            String streamed = selectedAndBatched(reader, "{\"tag\": \"t\"}", batcher);
            String inMemory = selectedAndBatched("\"ItemsPath\": \"$.items\"", "{\"tag\": \"t\", \"items\": " + array + "}", batcher);
            assertEquals(inMemory, streamed);
            assertTrue(Json.parse(streamed).size() > 2, streamed);
        }
    }

    @Test
    void streamedItemsServeAnyOrderOfRequests() throws Exception {
        object("n.json", "[0,1,2,3,4,5,6,7,8,9]");
        S3Object object = S3Object.at(new S3Directory(s3, "States.ItemReaderFailed"), "data", "n.json", 1000);
        StreamedItems items = StreamedItems.of(List.of(new StreamedItems.Source(object, JsonArrayFormat.INSTANCE)), 8);
        assertEquals(8, items.size());
        assertEquals(2, items.get(2).asInt());
        assertEquals(0, items.get(0).asInt());
        assertEquals(1, items.get(1).asInt());
        assertEquals(7, items.get(7).asInt());
        assertEquals(3, items.get(3).asInt()); // handed out before: read again from the start
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), items.stream().map(JsonNode::asInt).toList());
    }

    /** A sparse file of {@code size} NUL bytes (no line break): it takes no disk space. */
    private void sparse(String key, long size) throws Exception {
        Path file = s3.resolve("data").resolve(key);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
        }
    }

    /** Runs the reader in a Map whose Catch on States.ALL hands the error on as the output. */
    private String caught(String readerConfig, String key) throws Exception {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "Next": "Caught",
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": %s,
                                 "Parameters": {"Bucket": "data", "Key": "%s"}},
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}},
                  "Caught": {"Type": "Pass", "End": true}}}""".formatted(readerConfig, key);
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withTasks(TaskRegistry.withBuiltins())
                .withS3Root(s3).withType(ExecutionType.STANDARD);
        return output(new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("{}"), "{}", options).run());
    }

    private static String caughtOutput(String cause) {
        return Json.compact(Json.object().put("Error", "States.ItemReaderFailed").put("Cause", cause));
    }

    @Test
    void aRecordOrLineOverTheRecordLimitIsACatchableReaderFailure() throws Exception {
        long over = ReaderLimits.MAX_RECORD_BYTES + 1; // just over: 32 MiB and a byte, sparse
        sparse("big.csv", over);
        assertEquals(caughtOutput("The CSV record starting at line 1 of s3://data/big.csv is longer than the 33554432 bytes "
                + "(32 MiB) sfn-run reads as one item."),
                caught("{\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"a\"]}", "big.csv"));
        sparse("big.jsonl", over);
        assertEquals(caughtOutput("Line 1 of s3://data/big.jsonl is longer than the 33554432 bytes (32 MiB) sfn-run reads as one item."),
                caught("{\"InputType\": \"JSONL\"}", "big.jsonl"));
    }

    @Test
    void aGzippedManifestFileThatInflatesToAnOverlongRecordIsACatchableReaderFailure() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                out.write(zeros);
            }
            out.write(0); // 32 MiB and a byte of NULs, no line break, in about 33 KB
        }
        object("inv/data/f.csv.gz", bytes.toByteArray());
        object("inv/manifest.json", """
                {"sourceBucket": "src", "destinationBucket": "arn:aws:s3:::data", "fileFormat": "CSV",
                 "fileSchema": "Bucket, Key, Size", "files": [{"key": "inv/data/f.csv.gz", "size": 1, "MD5checksum": "x"}]}""");
        assertEquals(caughtOutput("The CSV record starting at line 1 of s3://data/inv/data/f.csv.gz is longer than the "
                + "33554432 bytes (32 MiB) sfn-run reads as one item."), caught("{\"InputType\": \"MANIFEST\"}", "inv/manifest.json"));
    }

    private S3Object at(String key, long limit, boolean gzip) {
        return S3Object.at(new S3Directory(s3, "States.ItemReaderFailed"), "data", key, limit, gzip);
    }

    /** The first pass's failure over one object, or "" when it passes. */
    private String counted(StreamedItems.Format format, S3Object object) {
        try {
            StreamedItems.of(List.of(new StreamedItems.Source(object, format)), Integer.MAX_VALUE);
            return "";
        } catch (dev.sfnrun.error.StatesError e) {
            assertEquals("States.ItemReaderFailed", e.error());
            return e.cause();
        }
    }

    @Test
    void eachReaderBoundsOneItemsTextWhileReadingIt() throws Exception {
        String ten = "0123456789";
        // CSV: a record of exactly 20 bytes passes, 21 fails, naming the line it starts on (a quoted line break counts)
        object("r.csv", "h\n" + ten + ten + "\n\"" + ten + "\n1234567\"\n");
        assertEquals("", counted(new CsvFormat(',', null, 20), at("r.csv", 1000, false)));
        object("r2.csv", "h\n" + ten + ten + "\n\"" + ten + "\n12345678\"\n");
        assertEquals("The CSV record starting at line 3 of s3://data/r2.csv is longer than the 20 bytes sfn-run reads as one item.",
                counted(new CsvFormat(',', null, 20), at("r2.csv", 1000, false)));
        // JSON Lines: 20 bytes pass; 21 (an é is two bytes) fail, naming the line
        object("r.jsonl", "1\n\n\"" + ten + "é" + "123456\"\n");
        assertEquals("", counted(new JsonLinesFormat(20), at("r.jsonl", 1000, false)));
        object("r2.jsonl", "1\n\n\"" + ten + "é" + "1234567\"\n");
        assertEquals("Line 3 of s3://data/r2.jsonl is longer than the 20 bytes sfn-run reads as one item.",
                counted(new JsonLinesFormat(20), at("r2.jsonl", 1000, false)));
        // a JSON array's element, counted from its first character to its last
        object("r.json", "[1,\n[\"" + ten + "\", 1234], \"" + ten + "12345678\"]");
        assertEquals("", counted(new JsonArrayFormat(20), at("r.json", 1000, false)));
        object("r2.json", "[1,\n[\"" + ten + "\", 12345]]");
        assertEquals("The array element at line 2 of s3://data/r2.json is longer than the 20 bytes sfn-run reads as one item.",
                counted(new JsonArrayFormat(20), at("r2.json", 1000, false)));
        object("r3.json", "[\"" + ten + "123456789\"]"); // a string, the whole element: its end is found before it is read
        assertEquals("The array element at line 1 of s3://data/r3.json is longer than the 20 bytes sfn-run reads as one item.",
                counted(new JsonArrayFormat(20), at("r3.json", 1000, false)));
    }

    @Test
    void aGzippedObjectIsHeldToTheObjectLimitAsItInflates() throws Exception {
        String lines = "1\n".repeat(500); // 1,000 bytes inflated, far fewer compressed
        object("ok.jsonl.gz", gzip(lines));
        assertEquals("", counted(JsonLinesFormat.INSTANCE, at("ok.jsonl.gz", 1000, true)));
        object("bomb.jsonl.gz", gzip(lines + "2"));
        assertEquals("The object s3://data/bomb.jsonl.gz inflates (gunzipped) to more than the 1000 bytes an ItemReader reads.",
                counted(JsonLinesFormat.INSTANCE, at("bomb.jsonl.gz", 1000, true)));
        assertEquals("The object s3://x/y.gz inflates (gunzipped) to more than the 10000000000 bytes (10 GB) an ItemReader reads.",
                ReaderLimits.inflatesTooLarge("s3://x/y.gz", ReaderLimits.MAX_OBJECT_BYTES));
    }

    /** A distributed Map with the given ItemReader / ResultWriter fields (either may be ""), its items from the input otherwise. */
    private ExecutionResult withS3(String fields, String input) throws Exception {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}}}}""".formatted(fields);
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withTasks(TaskRegistry.withBuiltins())
                .withS3Root(s3).withType(ExecutionType.STANDARD);
        return new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse(input), input, options).run();
    }

    @Test
    void aBucketKeyOrPrefixThatIsNotAStringIsRefusedNotTakenAsText() throws Exception {
        object("d/a.json", "[1]");
        object("other/secret.json", "[2]");
        String list = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket\": \"data\", \"Prefix.$\": \"$.p\"}},";
        // an object where a string was meant listed the whole bucket; null, an array, a number likewise
        assertEquals("The value of the field 'Prefix' has an invalid format: it must be a string, not an object.",
                failure(withS3(list, "{\"p\": {\"dir\": \"d/\"}}")));
        assertEquals("The value of the field 'Prefix' has an invalid format: it must be a string, not null.",
                failure(withS3(list, "{\"p\": null}")));
        assertEquals("The value of the field 'Prefix' has an invalid format: it must be a string, not an array.",
                failure(withS3(list, "{\"p\": [\"d/\"]}")));
        assertEquals("[{\"Key\":\"d/a.json\"}]", Json.compact(Json.parse(output(withS3(list
                + " \"ItemSelector\": {\"Key.$\": \"$$.Map.Item.Value.Key\"},", "{\"p\": \"d/\"}")))));
        // Key true was read as s3://data/true; a Bucket 5 as bucket "5"
        String get = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {\"Bucket.$\": \"$.b\", \"Key.$\": \"$.k\"}},";
        assertEquals("The value of the field 'Key' has an invalid format: it must be a string, not a boolean.",
                failure(withS3(get, "{\"b\": \"data\", \"k\": true}")));
        assertEquals("The value of the field 'Bucket' has an invalid format: it must be a string, not a number.",
                failure(withS3(get, "{\"b\": 5, \"k\": \"d/a.json\"}")));
        // the ResultWriter's Prefix wrote at the bucket's root
        Files.createDirectories(s3.resolve("out"));
        ExecutionResult written = withS3("\"ItemsPath\": \"$.items\", \"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                + " \"Parameters\": {\"Bucket\": \"out\", \"Prefix.$\": \"$.p\"}},", "{\"items\": [1], \"p\": {\"dir\": \"d/\"}}");
        assertEquals(ExecutionStatus.FAILED, written.status());
        assertEquals("States.ResultWriterFailed", written.error());
        assertEquals("The value of the field 'Prefix' has an invalid format: it must be a string, not an object.", written.cause());
        try (var files = Files.list(s3.resolve("out"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aListedFileWhoseNameIsNotUtf8IsAClearErrorNotAMissingFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "Java must read file names as UTF-8 (a UTF-8 locale) for this test");
        object("ok.json", "[2]");
        Path folder = s3.resolve("data");
        // a name with the byte FF, which no Java string can name: made by the shell
        Process shell = new ProcessBuilder("sh", "-c", "printf '[1]' > \"$1/a$(printf '\\377')b.json\"", "sh", folder.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, shell.waitFor(), new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count());
        }
        // it was "Cannot read s3://data/a\uFFFDb.json: <a path that does not exist>"
        assertEquals("s3://data: the name of " + folder.resolve("a\uFFFDb.json") + " is not valid UTF-8, so it cannot be an S3 key "
                + "(S3 keys are UTF-8); rename it or move it out of the local S3 directory",
                failure(run("listObjectsV2", "{}", "\"Prefix\": \"\"")));
        // a listing whose Prefix leaves it out does not see it
        JsonNode listed = Json.parse(output(run("listObjectsV2", "{}", "\"Prefix\": \"o\"")));
        assertEquals(1, listed.size());
        assertEquals("ok.json", listed.get(0).path("Key").asText());
        // a name that is U+FFFD itself, in UTF-8, is a key like any other
        try (var files = Files.list(folder)) {
            Files.delete(files.filter(p -> p.getFileName().toString().startsWith("a")).findFirst().orElseThrow());
        }
        object("\uFFFD.json", "[3]");
        assertEquals("\uFFFD.json", Json.parse(output(run("listObjectsV2", "{}", "\"Prefix\": \"\""))).get(1).path("Key").asText());
    }

    @Test
    void keysAreListedInS3sUtf8BinaryOrder() throws Exception {
        // U+FF01 (UTF-8 EF BC 81) before U+1F600 (F0 9F 98 80); UTF-16 order had them the other way round
        object("o/\uFF01", "[\"fullwidth-excl\"]");
        object("o/\uD83D\uDE00", "[\"emoji\"]");
        object("o/a", "[\"a\"]");
        object("o/\u00E9", "[\"e-acute\"]");
        object("o/ab", "[\"ab\"]");
        JsonNode listed = Json.parse(output(run("listObjectsV2", "{}", "\"Prefix\": \"o/\"")));
        assertEquals(List.of("o/a", "o/ab", "o/\u00E9", "o/\uFF01", "o/\uD83D\uDE00"),
                listed.findValuesAsText("Key"));
        String flatten = "{\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"JSON\"%s}";
        assertEquals("[\"a\",\"ab\",\"e-acute\",\"fullwidth-excl\",\"emoji\"]",
                output(run("listObjectsV2", flatten.formatted(""), "\"Prefix\": \"o/\"")));
        assertEquals("[\"a\",\"ab\",\"e-acute\",\"fullwidth-excl\"]",
                output(run("listObjectsV2", flatten.formatted(", \"MaxItems\": 4"), "\"Prefix\": \"o/\"")));
        assertTrue(S3Directory.KEY_ORDER.compare("a", "a") == 0 && S3Directory.KEY_ORDER.compare("a", "ab") < 0
                && S3Directory.KEY_ORDER.compare("\uD83D\uDE00", "\uFF01") > 0);
    }

    @Test
    void aJsonLimitsErrorNamesItsLine() throws Exception {
        // nested past the 1,000 levels JSON data may have, on line 3: it ended "(line ?)"
        object("deep.json", "[1,\n2,\n" + "[".repeat(1001) + "]".repeat(1001) + "]");
        String deep = failure(run("{}", "deep.json"));
        assertTrue(deep.startsWith("The object s3://data/deep.json is not valid JSON: "), deep);
        assertTrue(deep.endsWith(" (line 3)"), deep);
        assertTrue(deep.contains("1000"), deep);
        object("long.json", "[\n\"" + "s".repeat(20_000_001) + "\"]");
        String longString = failure(run("{}", "long.json"));
        assertTrue(longString.startsWith("The object s3://data/long.json is not valid JSON: a string longer than 20000000 characters"),
                longString);
        assertTrue(longString.endsWith(" (line 2)"), longString);
    }
}
