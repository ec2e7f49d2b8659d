package dev.sfnrun.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A headless Chromium driven through chromedriver's W3C WebDriver HTTP protocol (java.net.http;
 * no Selenium). Starts its own chromedriver on a free port with a fresh profile; {@link #close}
 * ends the session (and so the browser) and the chromedriver process it started.
 */
final class WebDriver implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;
    private final Path profile;

    WebDriver(int width, int height) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        profile = Files.createTempDirectory("sfn-run-chromium");
        driver = new ProcessBuilder(CHROMEDRIVER, "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                driver.destroyForcibly();
                throw new IllegalStateException("chromedriver did not start on port " + port);
            }
            Thread.sleep(100);
        }
        ObjectNode caps = Json.object();
        ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode options = always.putObject("goog:chromeOptions");
        options.put("binary", CHROMIUM);
        ArrayNode args = options.putArray("args");
        for (String arg : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--hide-scrollbars")) {
            args.add(arg);
        }
        always.putObject("goog:loggingPrefs").put("browser", "ALL");
        JsonNode created = call("POST", "/session", caps);
        session = created.path("value").path("sessionId").asText(null);
        if (session == null) {
            driver.destroyForcibly();
            throw new IllegalStateException("no WebDriver session: " + created);
        }
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.compact(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.mapper().readTree(response.body());
        if (response.statusCode() >= 400 && !path.equals("/status")) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + json);
        }
        return json;
    }

    private String at(String suffix) {
        return "/session/" + session + suffix;
    }

    void open(Path file) throws Exception {
        call("POST", at("/url"), Json.object().put("url", file.toUri().toString()));
    }

    /** Runs a script in the page and returns its value as JSON. */
    JsonNode script(String script, Object... arguments) throws Exception {
        ObjectNode body = Json.object().put("script", script);
        ArrayNode args = body.putArray("args");
        for (Object argument : arguments) {
            args.add(argument.toString());
        }
        return call("POST", at("/execute/sync"), body).path("value");
    }

    /** Clicks the first element the CSS selector finds. */
    void click(String css) throws Exception {
        JsonNode found = call("POST", at("/element"), Json.object().put("using", "css selector").put("value", css));
        String id = found.path("value").path(ELEMENT).asText();
        call("POST", at("/element/" + id + "/click"), Json.object());
    }

    /** The browser's console entries (chromedriver's log endpoint), each "LEVEL message". */
    List<String> console() throws Exception {
        JsonNode log = call("POST", at("/se/log"), Json.object().put("type", "browser")).path("value");
        List<String> out = new java.util.ArrayList<>();
        log.forEach(entry -> out.add(entry.path("level").asText() + " " + entry.path("message").asText()));
        return out;
    }

    void screenshot(Path file) throws Exception {
        String png = call("GET", at("/screenshot"), null).path("value").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** A screenshot of the whole page, however long (the window is resized to the page's height first). */
    void fullScreenshot(Path file, int width) throws Exception {
        int height = script("return Math.ceil(document.documentElement.scrollHeight);").asInt(800);
        call("POST", at("/window/rect"), Json.object().put("width", width).put("height", Math.min(height + 140, 6000)));
        screenshot(file);
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = driver.descendants().toList();
        try {
            call("DELETE", at(""), null);
        } catch (Exception e) {
            // the browser is gone already
        } finally {
            driver.destroy();
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
