package dev.catalog.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for the calls {@link java.net.http.HttpClient} cannot make: it writes a
 * header value outside US-ASCII as {@code ?}, whereas clients such as curl send its UTF-8 bytes. The request closes
 * the connection, so the response body runs to the end of the stream.
 */
final class RawHttpCall {
  private RawHttpCall() {}

  static ApiResult send(URI baseUrl, ApiCall call) throws IOException {
    try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
      StringBuilder head =
          new StringBuilder()
              .append(call.method())
              .append(' ')
              .append(call.pathAndQuery())
              .append(" HTTP/1.1\r\n")
              .append("Host: ")
              .append(baseUrl.getHost())
              .append(':')
              .append(baseUrl.getPort())
              .append("\r\n")
              .append("Connection: close\r\n");
      call.headers()
          .forEach(
              header ->
                  head.append(header.getKey())
                      .append(": ")
                      .append(header.getValue())
                      .append("\r\n"));
      byte[] body = call.body() == null ? new byte[0] : call.body();
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static ApiResult read(InputStream in) throws IOException {
    String status = line(in);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    return new ApiResult(
        Integer.parseInt(status.split(" ")[1]),
        headers,
        new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("Connection closed within the response head");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
