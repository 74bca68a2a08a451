package dev.catalog.local.events.websocket;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of the WebSocket API by id. A connection is here from the moment its {@code $connect} was
 * accepted until it closed, however it closed: before and after, the {@code @connections} API answers 410 for it, as
 * API Gateway does (a post from the {@code $connect} function itself finds no connection yet).
 */
public final class Connections {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConcurrentMap<String, Connection> open = new ConcurrentHashMap<>();

  /** Connections closed whose {@code $disconnect} has not returned yet. */
  private final AtomicInteger ending = new AtomicInteger();

  /**
   * A new connection id shaped as API Gateway's: 16 characters of base64 ending in {@code =}, e.g.
   * {@code L0SM9cOFvHcCIhw=}. The URL-safe alphabet keeps ids free of {@code /}, which a path could not carry.
   */
  static String newId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  void add(Connection connection) {
    open.put(connection.id(), connection);
  }

  /** The connection closed; its {@code $disconnect} runs until {@link #ended()}. */
  void remove(Connection connection) {
    ending.incrementAndGet();
    open.remove(connection.id(), connection);
  }

  /** A closed connection's {@code $disconnect} returned. */
  void ended() {
    ending.decrementAndGet();
  }

  /**
   * Closes every open connection from the server's side, as API Gateway does when it ends one (1001), and waits at
   * most {@code wait} for their {@code $disconnect}s to return.
   */
  void closeAll(Duration wait) throws InterruptedException {
    open.values().forEach(connection -> connection.close(1001, "Going away"));
    long deadline = System.nanoTime() + wait.toNanos();
    while ((!open.isEmpty() || ending.get() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** The open connection of this id. */
  public Optional<Connection> get(String id) {
    return Optional.ofNullable(open.get(id));
  }

  /** The ids of the open connections. */
  public Set<String> ids() {
    return Set.copyOf(open.keySet());
  }

  /**
   * The id of the one connection accepted since {@code before} (the {@link #ids} of an earlier moment), waiting up to
   * {@code timeout} for its {@code $connect} to be accepted; empty when none or several came.
   */
  public Optional<String> awaitNew(Set<String> before, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      Set<String> added = new HashSet<>(open.keySet());
      added.removeAll(before);
      if (added.size() == 1) {
        return Optional.of(added.iterator().next());
      }
      Thread.sleep(5);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }
}
