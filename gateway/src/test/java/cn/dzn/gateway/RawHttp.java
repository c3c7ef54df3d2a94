package cn.dzn.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request over a raw socket, read until the server closes the connection. For the cases an
 * HTTP client hides: a body announced but never sent, a chunked body cut off, whether the
 * server closes the connection after answering.
 */
record RawHttp(int status, Map<String, String> headers, String body) {

    static RawHttp exchange(int port, String head, byte[] bodyPart) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000); // a server that keeps the connection open fails the test
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bodyPart);
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttp parse(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String[] lines = answer.substring(0, end).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
        }
        return new RawHttp(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
    }
}
