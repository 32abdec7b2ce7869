package dev.netc.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.train.Progress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application end to end: weights trained on a fixed seed and saved to a file, loaded as the application loads
 * them, served on an ephemeral port, and called over HTTP as a client would.
 */
class PredictionServerTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path directory;

    private static PredictionServer server;

    @BeforeAll
    static void trainSaveAndServe() throws IOException {
        Path weights = directory.resolve("iris.netc");
        IrisWeights.save(
                weights,
                IrisTraining.train(IrisData.CSV, IrisData.SEED, Progress.silent())
                        .trained());
        server = PredictionServer.start(IrisModel.load(weights), 0, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersTheSpeciesOfEachFlower() throws Exception {
        // rows 1, 64 and 150 of data/iris/iris.csv
        assertResponse(200, "setosa", get("/predict?sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2"));
        assertResponse(
                200, "versicolor", get("/predict?sepalLength=6.1&sepalWidth=2.9&petalLength=4.7&petalWidth=1.4"));
        assertResponse(200, "virginica", get("/predict?sepalLength=5.9&sepalWidth=3.0&petalLength=5.1&petalWidth=1.8"));
        // any order, percent-encoded names, exponents
        assertResponse(
                200, "virginica", get("/predict?petalWidth=2.5&petal%4Cength=6e0&sepalWidth=3.3&sepalLength=6.3"));
    }

    @Test
    void badParametersAreRefusedWithTheReason() throws Exception {
        assertResponse(
                400,
                "expected the parameters sepalLength, sepalWidth, petalLength, petalWidth, found none",
                get("/predict"));
        assertResponse(
                400,
                "missing parameter 'petalWidth'; expected all of sepalLength, sepalWidth, petalLength, petalWidth",
                get("/predict?sepalLength=5.1&sepalWidth=3.5&petalLength=1.4"));
        assertResponse(
                400,
                "unknown parameter 'petalWidht'; did you mean 'petalWidth'?",
                get("/predict?sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidht=0.2"));
        assertResponse(
                400,
                "parameter 'sepalWidth': expected a decimal number such as 5.1, found 'wide'",
                get("/predict?sepalLength=5.1&sepalWidth=wide&petalLength=1.4&petalWidth=0.2"));
        assertResponse(
                400,
                "parameter 'sepalLength': expected a number within float range, found '1e39'",
                get("/predict?sepalLength=1e39&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2"));
        assertResponse(
                400,
                "parameter 'sepalLength' is given twice; expected it once",
                get("/predict?sepalLength=5.1&sepalLength=5.2&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2"));
        assertResponse(
                400, "expected a query of at most 1024 characters, found 1027", get("/predict?x=" + "1".repeat(1025)));
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertResponse(
                404,
                "not found: expected /predict?sepalLength=...&sepalWidth=...&petalLength=...&petalWidth=...",
                get("/predictions"));
        HttpResponse<String> post = CLIENT.send(
                HttpRequest.newBuilder(uri("/predict"))
                        .POST(HttpRequest.BodyPublishers.ofString("sepalLength=5.1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertResponse(405, "method POST not allowed: expected GET", post);
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void aClosedServerRefusesConnections() throws Exception {
        Path weights = directory.resolve("iris.netc");
        PredictionServer second = PredictionServer.start(IrisModel.load(weights), 0, 1);
        int port = second.port();
        assertResponse(
                200,
                "setosa",
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/predict?sepalLength=5.0&sepalWidth=3.4&petalLength=1.5&petalWidth=0.2"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));

        second.close();

        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static void assertResponse(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body + "\n", response.body());
        assertEquals(
                "text/plain; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
