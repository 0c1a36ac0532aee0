package io.renlayer.plugins.dlp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Presidio's URL type, narrowed to the URLs that leak: those carrying a credential in their query
 * or fragment (a token, key, signature or password parameter with a generated value: OAuth's
 * implicit-flow fragment, presigned S3 and GCS links, Azure SAS). Plain links are not findings.
 * A password in a URL's user info is DB_PASSWORD's.
 */
final class UrlTokens {

    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of(
            "token",
            "access_token",
            "id_token",
            "refresh_token",
            "auth_token",
            "api_key",
            "apikey",
            "api-key",
            "key",
            "sig",
            "signature",
            "x-amz-signature",
            "x-amz-security-token",
            "x-goog-signature",
            "secret",
            "client_secret",
            "password",
            "pass",
            "pwd",
            "jwt",
            "auth",
            "session",
            "sessionid",
            "private_token");

    private UrlTokens() {}

    static boolean carriesCredential(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int from = query >= 0 ? query : fragment;
        if (from < 0) {
            return false;
        }
        for (String pair : url.substring(from + 1).split("[&;#?]")) {
            int equals = pair.indexOf('=');
            if (equals > 0
                    && CREDENTIAL_PARAMETERS.contains(pair.substring(0, equals).toLowerCase(Locale.ROOT))) {
                String value = decode(pair.substring(equals + 1));
                if (value.length() >= 16 && Checksums.entropy(value) >= 3.5 && !Placeholders.isPlaceholder(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
