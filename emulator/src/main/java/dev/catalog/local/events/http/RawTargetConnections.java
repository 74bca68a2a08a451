package dev.catalog.local.events.http;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that hand every request target to the emulated gateway as sent. Jetty decodes a path while
 * parsing it and refuses one with a malformed escape ({@code /products/%zz}) or an encoded NUL ({@code %00}) before
 * any handler runs; API Gateway routes such a path to the function. So each {@code %} is escaped as {@code %25}
 * before Jetty parses the target, which then always decodes, and {@link #rawTarget} undoes it exactly (every
 * {@code %25} in the escaped form stands for one {@code %} sent). Jetty offers no public hook at this point; the
 * connection class is from its {@code internal} package, pinned by the version in the pom.
 */
final class RawTargetConnections extends HttpConnectionFactory {
  RawTargetConnections(HttpConfiguration configuration) {
    super(configuration);
  }

  /** The target (path or query) as the client sent it, from what Jetty parsed. */
  static String rawTarget(String parsed) {
    return parsed == null ? null : parsed.replace("%25", "%");
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(getHttpConfiguration(), connector, endPoint) {
          @Override
          protected HttpStreamOverHTTP1 newHttpStream(
              String method, String uri, HttpVersion version) {
            return super.newHttpStream(method, uri.replace("%", "%25"), version);
          }
        };
    connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(connection, connector, endPoint);
  }
}
