package dev.netc.samples.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /predict?sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2} answers {@code setosa}: the
 * species as plain text. A bad query is a 400 saying what is wrong (see {@link FeatureQuery}), another path a 404,
 * another method a 405. The request body is never read.
 */
final class PredictHandler implements HttpHandler {

    /** The path this handler serves. */
    static final String PATH = "/predict";

    private final IrisModel model;

    PredictHandler(IrisModel model) {
        this.model = model;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                respond(
                        exchange,
                        404,
                        "not found: expected " + PATH + "?" + String.join("=...&", FeatureQuery.NAMES) + "=...");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed: expected GET");
                return;
            }
            IrisFeatures flower;
            try {
                flower = FeatureQuery.parse(exchange.getRequestURI().getRawQuery());
            } catch (FeatureQuery.InvalidQueryException e) {
                respond(exchange, 400, e.getMessage());
                return;
            }
            respond(exchange, 200, model.classify(flower).label());
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
