package dev.catalog.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.Requests;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent requests to one function are served by more instances, as Lambda scales out, each answering right. */
class ScaleOutTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final ObjectMapper JSON = new ObjectMapper();
  static final int PARALLEL = 50;
  static LocalApi api;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(new CapturedConsole().stream())
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void fiftyParallelRequestsToOneFunctionAllGetTheirOwnProductFromSeveralInstances()
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      HttpResponse<String> created =
          Requests.send(
              Requests.asAdmin(api, "/products/scale-" + i)
                  .header("Content-Type", "application/json")
                  .PUT(BodyPublishers.ofString(SampleProducts.minimal("scale").toString())));
      assertEquals(201, created.statusCode(), created::body);
      ids.add("scale-" + i);
    }

    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try (var clients = Executors.newFixedThreadPool(PARALLEL)) {
      for (String id : ids) {
        responses.add(
            clients.submit(
                () -> {
                  go.await();
                  return Requests.send(Requests.to(api, "/products/" + id));
                }));
      }
      go.countDown();
      for (int i = 0; i < PARALLEL; i++) {
        HttpResponse<String> response = responses.get(i).get();
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(ids.get(i), JSON.readTree(response.body()).get("id").asText());
      }
    }
    int instances = api.instancesCreated("GetProductFunction");
    assertTrue(instances > 1 && instances <= PARALLEL, instances + " instances");
  }
}
