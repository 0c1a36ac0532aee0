package io.renlayer.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one value from a server's Prometheus endpoint on its control port. */
final class Metrics {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Metrics() {}

    static double value(String controlUrl, String name) throws Exception {
        String body = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(controlUrl + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-0-9.eE+]+)$")
                .matcher(body);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
            found = true;
        }
        if (!found) {
            throw new AssertionError("no metric " + name + " at " + controlUrl);
        }
        return sum;
    }

    /** Waits up to 30 s for the metric to be as wanted; returns its value then. */
    static double await(String controlUrl, String name, DoublePredicate wanted) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        double value = -1;
        while (System.nanoTime() < deadline) {
            value = value(controlUrl, name);
            if (wanted.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " stayed at " + value);
    }
}
