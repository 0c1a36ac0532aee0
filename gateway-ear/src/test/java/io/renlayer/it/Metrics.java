package io.renlayer.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one value from a server's Prometheus endpoint on its control port. */
final class Metrics {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Metrics() {}

    static double value(String controlUrl, String name) throws Exception {
        String body = CLIENT.send(HttpRequest.newBuilder(URI.create(controlUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-0-9.eE+]+)$").matcher(body);
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
}
