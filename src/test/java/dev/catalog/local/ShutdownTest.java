package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.TemplateFixtures;
import dev.catalog.testing.DynamoDbLocal;
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

  static Set<String> threadsOf(Set<String> functions) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("HTTP-Dispatcher")
            || functions.stream().anyMatch(function -> name.startsWith(function + "#")))
        .collect(Collectors.toSet());
  }

  @Test
  void closingEndsEveryThreadItStartedAndFreesThePort() throws IOException, InterruptedException {
    LocalApi api = LocalApi.builder(DYNAMO.template()).environment(DYNAMO::environment).port(0)
        .console(new CapturedConsole().stream()).start();
    int port = api.port();
    for (String path : List.of("/echo/slow?sleep=3000", "/echo/next", "/products/none")) {
      Requests.send(Requests.to(api, path));
    }
    Set<String> functions = DYNAMO.template().functions().keySet();
    assertTrue(threadsOf(functions).containsAll(Set.of("EchoFunction#2", "GetProductFunction#1")),
        threadsOf(functions)::toString);

    api.close();

    for (int i = 0; i < 50 && !threadsOf(functions).isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertEquals(Set.of(), threadsOf(functions));
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }
}
