package dev.catalog.local.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback in front of a server, which a test can cut: {@link #cut()} drops every connection at once,
 * without a close frame or handshake, as a network failure or a restarted server would; {@link #refuse} closes new
 * connections as soon as they arrive, until {@link #admit}. The bytes themselves pass unchanged, both ways.
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;
  private volatile int accepted;

  public TcpRelay(int upstreamPort) throws IOException {
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("tcp-relay-accept").start(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections admitted since the start. */
  public int accepted() {
    return accepted;
  }

  /** Drops every open connection; new ones are still admitted unless {@link #refuse} was called. */
  public void cut() {
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  /** From now on, closes each new connection at once. */
  public void refuse() {
    refusing = true;
  }

  /** From now on, relays new connections again. */
  public void admit() {
    refusing = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      if (refusing) {
        closeQuietly(client);
        continue;
      }
      Socket target = new Socket();
      try {
        target.connect(upstream, 2000);
      } catch (IOException unreachable) {
        closeQuietly(client);
        closeQuietly(target);
        continue;
      }
      accepted++;
      open.add(client);
      open.add(target);
      Thread.ofVirtual().start(() -> pipe(client, target));
      Thread.ofVirtual().start(() -> pipe(target, client));
    }
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException dropped) {
      // Either side went away: the other is closed below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that is wanted.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
