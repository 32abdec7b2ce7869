package dev.netc.samples.embedded;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The application: loads the weights {@link IrisTraining} saved and serves predictions until the JVM is stopped
 * (Ctrl-C stops the server cleanly). The server's accepting thread keeps the JVM running after {@code main} returns.
 *
 * <pre>
 * java dev.netc.samples.embedded.IrisService [WEIGHTS.netc [PORT]]
 * curl 'http://127.0.0.1:8080/predict?sepalLength=5.1&amp;sepalWidth=3.5&amp;petalLength=1.4&amp;petalWidth=0.2'
 * </pre>
 */
public final class IrisService {

    /** Worker threads: prediction takes microseconds, so a few serve many clients. */
    static final int THREADS = 4;

    private IrisService() {}

    public static void main(String[] args) {
        Path weights = Path.of(args.length > 0 ? args[0] : "iris.netc");
        try {
            int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
            IrisModel model = IrisModel.load(weights);
            PredictionServer server = PredictionServer.start(model, port, THREADS);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "iris-service-stop"));
            System.out.println("serving " + weights + " at http://127.0.0.1:" + server.port() + PredictHandler.PATH
                    + "?" + String.join("=...&", FeatureQuery.NAMES) + "=...");
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("iris-service: " + e.getMessage());
            System.exit(1);
        }
    }
}
