package io.renlayer.core.identity;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import io.renlayer.core.net.OutboundAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fetches an identity provider's discovery document and key set. An issuer is a URL a tenant's
 * admin typed, so it is held to the gateway's outbound rules ({@link OutboundAddresses}) like an
 * upstream: every address the name resolves to must be allowed. The JDK caches the answer it just
 * gave (30 s by default), so the client connects to the address checked here. No redirects, a
 * short timeout and a size bound: a slow or huge answer cannot tie up a request thread.
 */
public final class GuardedRetriever implements ResourceRetriever {

    static final int MAX_BYTES = 512 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutboundAddresses policy;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public GuardedRetriever(OutboundAddresses policy) {
        this.policy = policy;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI uri = checked(toUri(url));
        return send(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /**
     * Posts a form (a token request: the code exchange, a refresh) and returns the answer, whatever
     * its status: an OAuth error comes as a 400 with a JSON body the caller reads.
     */
    public Answer postForm(URI endpoint, Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(checked(endpoint))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<InputStream> response = exchange(request);
        return new Answer(response.statusCode(), read(response));
    }

    /** A token endpoint's answer: its status and body. */
    public record Answer(int status, String body) {}

    private URI checked(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("only http and https identity providers are supported");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            String refusal = policy.refusal(address, port);
            if (refusal != null) {
                throw new IOException("the identity provider's address is not allowed: " + refusal);
            }
        }
        return uri;
    }

    private Resource send(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response = exchange(request);
        String body = read(response);
        if (response.statusCode() != 200) {
            throw new IOException("the identity provider answered HTTP " + response.statusCode());
        }
        return new Resource(body, response.headers().firstValue("content-type").orElse(null));
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the identity provider", e);
        }
    }

    private static String read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the identity provider's answer is larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URL", e);
        }
    }
}
