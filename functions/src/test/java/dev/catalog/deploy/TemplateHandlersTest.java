package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps template.yaml and the code in step: every function's Handler names a public class with a public no-argument
 * constructor (how Lambda creates it) and the named method, Lambda's stream interface and no other method by that name; every function has an event
 * in events/ and a test class of its own.
 */
class TemplateHandlersTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);

  @TestFactory
  Stream<DynamicTest> everyHandlerNamesAClassAndMethodLambdaCanCall() {
    return TEMPLATE.functions().values().stream()
        .map(
            function ->
                DynamicTest.dynamicTest(
                    function.handler(),
                    () -> {
                      Class<?> type = Class.forName(function.handlerClass());
                      assertTrue(Modifier.isPublic(type.getModifiers()), "public class");
                      assertFalse(Modifier.isAbstract(type.getModifiers()), "concrete class");
                      assertTrue(
                          Modifier.isPublic(type.getConstructor().getModifiers()),
                          "public no-argument constructor");
                      // The runtime prefers a stream handler's method, so there must be no other
                      // public one by that name to pick.
                      assertTrue(
                          RequestStreamHandler.class.isAssignableFrom(type),
                          "a RequestStreamHandler");
                      List<Method> named =
                          Arrays.stream(type.getMethods())
                              .filter(method -> method.getName().equals(function.handlerMethod()))
                              .toList();
                      assertEquals(1, named.size(), named.toString());
                      assertArrayEquals(
                          new Class<?>[] {InputStream.class, OutputStream.class, Context.class},
                          named.get(0).getParameterTypes());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionHasAnEventFile() {
    return TEMPLATE.functions().keySet().stream()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () ->
                        assertTrue(
                            Files.isRegularFile(Path.of("events", id + ".json")),
                            "events/" + id + ".json")));
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionWithApiEventsHasATestClass() {
    return TEMPLATE.functions().values().stream()
        .filter(function -> !function.routes().isEmpty())
        .map(
            function ->
                DynamicTest.dynamicTest(
                    function.logicalId(),
                    () ->
                        assertTrue(
                            testClassOf(function).isPresent(),
                            "a test class for "
                                + function.handlerClass()
                                + ", named "
                                + candidates(function))));
  }

  /** {@code GetProductHandler} is tested by {@code GetProductTest} or {@code GetProductHandlerTest}. */
  static List<String> candidates(FunctionDef function) {
    String handler = function.handlerClass();
    return List.of(handler.replaceFirst("Handler$", "") + "Test", handler + "Test");
  }

  static Optional<Class<?>> testClassOf(FunctionDef function) {
    for (String name : candidates(function)) {
      try {
        return Optional.of(Class.forName(name));
      } catch (ClassNotFoundException next) {
        // try the other naming
      }
    }
    return Optional.empty();
  }
}
