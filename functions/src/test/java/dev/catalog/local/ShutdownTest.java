package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing the local API ends its threads (the server's and every instance's) and frees its port. */
class ShutdownTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-api.yaml"));

  /** The threads of the functions and of HTTP servers, except those that ran before the API started. */
  static Set<String> threadsOf(Set<String> functions, Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> !before.contains(thread))
        .map(Thread::getName)
        .filter(
            name ->
                name.startsWith("HTTP-Dispatcher")
                    || functions.stream().anyMatch(function -> name.startsWith(function + "#")))
        .collect(Collectors.toSet());
  }

  @Test
  void closingEndsEveryThreadItStartedAndFreesThePort() throws IOException, InterruptedException {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    LocalApi api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(new CapturedConsole().stream())
            .start();
    int port = api.port();
    for (String path : List.of("/echo/slow?sleep=3000", "/echo/next", "/products/none")) {
      Requests.send(Requests.to(api, path));
    }
    Set<String> functions = DYNAMO.template().functions().keySet();
    assertTrue(
        threadsOf(functions, before).containsAll(Set.of("EchoFunction#2", "GetProductFunction#1")),
        threadsOf(functions, before)::toString);

    api.close();

    for (int i = 0; i < 50 && !threadsOf(functions, before).isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertEquals(Set.of(), threadsOf(functions, before));
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }
}
