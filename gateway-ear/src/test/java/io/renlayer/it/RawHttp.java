package io.renlayer.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written byte by byte on a socket, for what a well-behaved client library refuses to
 * send: line breaks inside headers, conflicting framing, bodies that never end.
 */
final class RawHttp {

    /** The status line's code and everything the server sent. */
    record Reply(int status, String text) {}

    private RawHttp() {}

    /** Sends the head (CRLF line ends added), then the body in pieces, and reads until the server closes. */
    static Reply exchange(int port, String head, byte[]... bodyParts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((head.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (byte[] part : bodyParts) {
                    out.write(part);
                }
                out.flush();
            } catch (SocketException refusedMidBody) {
                // the server answered early and closed; its answer is still there to read
            }
            return read(socket.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // the server closed hard after answering
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: '" + text + "'");
        }
        return new Reply(Integer.parseInt(text.substring(9, 12)), text);
    }

    /** One whole response with a Content-Length body: enough for a keep-alive connection. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return text.length() - end - 4
                        >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }
}
