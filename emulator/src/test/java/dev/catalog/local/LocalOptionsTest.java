package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.console.LocalApiException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings of {@code ./mvnw -Plocal}: defaults, the port from -Dport or PORT, and the invoke command. */
class LocalOptionsTest {
  static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void withNoSettingsItServesTemplateYamlOnPort3000InMemoryWarm() {
    // The profile passes every setting, empty when not given on the command line.
    LocalOptions options =
        LocalOptions.from(
            properties(
                "port", "", "local.data", "", "local.template", "", "local.warm", "", "invoke", ""),
            Map.of());

    assertEquals(3000, options.port());
    assertEquals(3001, options.wsPort());
    assertEquals(Path.of("template.yaml"), options.template());
    assertNull(options.data());
    assertNull(options.seed());
    assertTrue(options.warm());
    assertNull(options.invoke());
    assertEquals(0, options.maxInstances());
  }

  @Test
  void thePortComesFromThePropertyElseThePortVariable() {
    assertEquals(8080, LocalOptions.from(properties(), Map.of("PORT", "8080")).port());
    assertEquals(
        9090, LocalOptions.from(properties("port", "9090"), Map.of("PORT", "8080")).port());
  }

  @Test
  void aPortOutOfRangeIsRefusedNamingWhereItCameFrom() {
    var error =
        assertThrows(
            LocalApiException.class,
            () -> LocalOptions.from(properties(), Map.of("PORT", "70000")));
    assertEquals("PORT=70000 is not a whole number from 0 to 65535", error.getMessage());
  }

  @Test
  void invokeReadsTheFunctionsEventFileUnlessOneIsGiven() {
    assertEquals(
        Path.of("events", "GetProductFunction.json"),
        LocalOptions.from(properties("invoke", "GetProductFunction"), Map.of()).event());
    assertEquals(
        Path.of("my.json"),
        LocalOptions.from(properties("invoke", "GetProductFunction", "event", "my.json"), Map.of())
            .event());
  }

  @Test
  void warmUpCanBeTurnedOffAndASeedFileMustExist() {
    assertFalse(LocalOptions.from(properties("local.warm", "false"), Map.of()).warm());
    var error =
        assertThrows(
            LocalApiException.class,
            () -> LocalOptions.from(properties("local.seed", "events/none.json"), Map.of()));
    assertEquals(
        "Seed file events/none.json (from -Dlocal.seed) does not exist", error.getMessage());
  }

  @Test
  void iamIsEnforcedUnlessLocalIamIsOff() {
    assertEquals(true, LocalOptions.from(properties(), Map.of()).iam());
    assertEquals(true, LocalOptions.from(properties("local.iam", "on"), Map.of()).iam());
    assertEquals(false, LocalOptions.from(properties("local.iam", "off"), Map.of()).iam());
    var error =
        assertThrows(
            LocalApiException.class,
            () -> LocalOptions.from(properties("local.iam", "of"), Map.of()));
    assertEquals("-Dlocal.iam=of is neither on (the default) nor off", error.getMessage());
  }

  @Test
  void anOutsideDynamoDbIsAnHttpUrlAndExcludesLocalData() {
    assertEquals(
        URI.create("http://localhost:8000"),
        LocalOptions.from(properties("local.dynamodb", "http://localhost:8000"), Map.of())
            .dynamodb());
    assertEquals(null, LocalOptions.from(properties(), Map.of()).dynamodb());
    assertEquals(
        "-Dlocal.dynamodb=localhost:8000 is not an http(s) URL such as http://localhost:8000",
        assertThrows(
                LocalApiException.class,
                () -> LocalOptions.from(properties("local.dynamodb", "localhost:8000"), Map.of()))
            .getMessage());
    assertTrue(
        assertThrows(
                LocalApiException.class,
                () ->
                    LocalOptions.from(
                        properties(
                            "local.dynamodb", "http://localhost:8000", "local.data", "target/data"),
                        Map.of()))
            .getMessage()
            .startsWith("-Dlocal.data"));
  }

  @Test
  void theWebSocketPortIs3001UnlessLocalWsPortSaysOtherwise() {
    assertEquals(
        3001, LocalOptions.from(properties("port", "8080", "local.wsPort", ""), Map.of()).wsPort());
    assertEquals(4001, LocalOptions.from(properties("local.wsPort", "4001"), Map.of()).wsPort());
    assertEquals(0, LocalOptions.from(properties("port", "0"), Map.of()).wsPort());
    LocalApiException invalid =
        assertThrows(
            LocalApiException.class,
            () -> LocalOptions.from(properties("local.wsPort", "ws"), Map.of()));
    assertEquals("-Dlocal.wsPort=ws is not a whole number from 0 to 65535", invalid.getMessage());
  }
}
