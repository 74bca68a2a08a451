package dev.catalog.testing.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 request read off a socket: what the SDK sends DynamoDB (a POST with a Content-Length body). */
record RawRequest(String method, String target, Map<String, String> headers, byte[] body) {
  private static final int MAX_HEAD = 64 * 1024;

  /** The DynamoDB action, from {@code X-Amz-Target: DynamoDB_20120810.PutItem}; empty when absent. */
  String operation() {
    String target = header("X-Amz-Target");
    return target == null ? "" : target.substring(target.indexOf('.') + 1);
  }

  String header(String name) {
    for (var entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The next request, or null when the client closed the connection between requests. */
  static RawRequest read(InputStream in, OutputStream out) throws IOException {
    String head = readHead(in);
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ", 3);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
      }
    }
    RawRequest withoutBody = new RawRequest(requestLine[0], requestLine[1], headers, new byte[0]);
    if ("100-continue".equalsIgnoreCase(withoutBody.header("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    if (withoutBody.header("Transfer-Encoding") != null) {
      throw new IOException("Chunked requests are not supported by the fault proxy");
    }
    String length = withoutBody.header("Content-Length");
    byte[] body =
        length == null
            ? new byte[0]
            : in.readNBytes(Integer.parseInt(length.toLowerCase(Locale.ROOT)));
    return new RawRequest(requestLine[0], requestLine[1], headers, body);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("Connection closed in the middle of a request head");
      }
      head.write(b);
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD) {
        throw new IOException("Request head over " + MAX_HEAD + " bytes");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1).strip();
  }
}
