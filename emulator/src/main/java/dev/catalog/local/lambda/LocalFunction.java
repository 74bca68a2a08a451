package dev.catalog.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.lambda.snapstart.SnapStartHooks;
import dev.catalog.template.FunctionDef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One function of the template made ready to run as Lambda runs it: its own {@link FunctionClassLoader}, its handler
 * class and method checked up front (so a Handler that names no class stops the tool at start rather than at the
 * first request), and its environment, given to {@code dev.catalog.kernel.Environment} in that loader before the first
 * instance is created.
 */
public final class LocalFunction implements AutoCloseable {
  /** The class through which all production code reads its configuration; one copy per function loader. */
  static final String ENVIRONMENT_CLASS = "dev.catalog.kernel.Environment";

  private final FunctionDef definition;
  private final FunctionClassLoader loader;
  private final Constructor<?> constructor;
  private final Method method;
  private final SnapStartHooks snapStart;
  private volatile Map<String, String> environment;

  private LocalFunction(
      FunctionDef definition,
      FunctionClassLoader loader,
      Constructor<?> constructor,
      Method method) {
    this.definition = definition;
    this.loader = loader;
    this.constructor = constructor;
    this.method = method;
    this.snapStart = definition.snapStart() ? new SnapStartHooks(loader) : null;
  }

  /**
   * Prepares the function without creating an instance of its handler, or giving it its environment, yet. Its code is
   * what Lambda would run: the build output of its {@code CodeUri} folder ({@code target/classes} and the runtime
   * dependencies listed beside it), found relative to {@code templateFile}; a handler that is not there (a test's own
   * fixture) is looked up on {@code host}'s class path.
   *
   * @throws LocalApiException when the Handler names no class, or one Lambda could not call
   */
  public static LocalFunction prepare(FunctionDef definition, Path templateFile, ClassLoader host) {
    SnapStartHooks.install();
    String where = definition.logicalId() + " Handler " + definition.handler();
    URL artifact = artifact(definition, templateFile);
    URL handlerRoot =
        artifact != null && contains(artifact, definition.handlerClass())
            ? artifact
            : root(host, definition.handlerClass());
    if (handlerRoot == null) {
      throw new LocalApiException(
          where
              + " names no class "
              + (artifact == null ? "on the class path" : "in " + artifact.getPath())
              + " (build with ./mvnw -Plocal, or fix the Handler in the template)");
    }
    URL applicationRoot = artifact != null ? artifact : root(host, ENVIRONMENT_CLASS);
    FunctionClassLoader loader =
        new FunctionClassLoader(
            definition.logicalId(),
            LambdaClasspath.of(
                applicationRoot == null ? handlerRoot : applicationRoot, handlerRoot),
            host);
    try {
      Class<?> type = Class.forName(definition.handlerClass(), false, loader);
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        throw new LocalApiException(where + ": Lambda needs a public, concrete class");
      }
      Constructor<?> constructor = type.getConstructor();
      Method method = handlerMethod(type, definition.handlerMethod());
      return new LocalFunction(definition, loader, constructor, method);
    } catch (ReflectiveOperationException | LinkageError | LocalApiException e) {
      closeQuietly(loader);
      throw e instanceof LocalApiException known
          ? known
          : new LocalApiException(where + ": " + describe(e));
    }
  }

  /**
   * The method Lambda calls: as the runtime does, the stream form (event JSON in, response JSON out) when the class
   * has one by that name, else the event-object form.
   */
  private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
    try {
      return type.getMethod(name, InputStream.class, OutputStream.class, Context.class);
    } catch (NoSuchMethodException notStream) {
      return type.getMethod(name, APIGatewayProxyRequestEvent.class, Context.class);
    }
  }

  private static String describe(Throwable e) {
    return switch (e) {
      case NoSuchMethodException m when m.getMessage().contains("<init>") ->
          "the class has no public no-argument constructor, which Lambda uses to create it";
      case NoSuchMethodException m ->
          "the class has no public method "
              + m.getMessage().replaceAll(".*\\.", "")
              + " taking (InputStream, OutputStream, Context) or (APIGatewayProxyRequestEvent, Context)";
      case ClassNotFoundException c -> "names no class on the class path";
      default -> e.toString();
    };
  }

  /** The class directory of the function's CodeUri folder, {@code target/classes}, when it was built; else null. */
  private static URL artifact(FunctionDef definition, Path templateFile) {
    if (definition.codeUri() == null
        || templateFile == null
        || definition.codeUri().contains("://")) {
      return null;
    }
    Path folder = templateFile.toAbsolutePath().getParent();
    Path classes =
        (folder == null ? Path.of(definition.codeUri()) : folder.resolve(definition.codeUri()))
            .resolve("target")
            .resolve("classes")
            .normalize();
    try {
      return Files.isDirectory(classes) ? classes.toUri().toURL() : null;
    } catch (MalformedURLException e) {
      throw new LocalApiException(
          "Cannot locate the code of " + definition.logicalId() + " (" + classes + ")");
    }
  }

  private static boolean contains(URL classDirectory, String className) {
    try {
      return Files.isRegularFile(
          Path.of(classDirectory.toURI()).resolve(className.replace('.', '/') + ".class"));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The class directory or jar {@code className} comes from, or null when the host cannot see it. */
  private static URL root(ClassLoader host, String className) {
    String resource = className.replace('.', '/') + ".class";
    URL url = host.getResource(resource);
    if (url == null) {
      return null;
    }
    String text = url.toString();
    try {
      return URI.create(
              text.startsWith("jar:")
                  ? text.substring("jar:".length(), text.indexOf("!/"))
                  : text.substring(0, text.length() - resource.length()))
          .toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new LocalApiException("Cannot locate the code of " + className + " (" + text + ")");
    }
  }

  /**
   * Makes {@code variables} the function's whole environment (the template's, resolved, plus Lambda's own), for code
   * that reads it through {@code dev.catalog.kernel.Environment}; code calling System.getenv would see the host's.
   */
  void useEnvironment(Map<String, String> variables) {
    try {
      Class<?> type = Class.forName(ENVIRONMENT_CLASS, true, loader);
      type.getMethod("use", Map.class).invoke(null, variables);
    } catch (ClassNotFoundException absent) {
      // Not this project's code: nothing to configure.
    } catch (ReflectiveOperationException e) {
      throw new LocalApiException(
          name() + ": cannot set the environment through " + ENVIRONMENT_CLASS + ": " + e);
    }
    environment = Map.copyOf(variables);
  }

  /**
   * A new handler instance, created as Lambda creates one: the public no-argument constructor; then, for a function
   * with SnapStart, the CRaC hooks it registered, as a snapshot and a restore run them.
   *
   * @throws SnapStartHooks.HookFailure when a hook fails
   */
  Object newHandler() throws Throwable {
    Object handler;
    try {
      handler = constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (snapStart != null) {
      snapStart.restoreInstance();
    }
    return handler;
  }

  /**
   * Calls the handler method: a stream handler with the event's JSON, which is {@code event} itself when it is bytes
   * (the handler's output is then returned as bytes); what the handler throws is rethrown as is. For a REST proxy
   * event, output that is not a proxy response object is an IOException.
   */
  Object invoke(Object handler, Object event, Context context) throws Throwable {
    try {
      if (event instanceof byte[] json) {
        if (method.getParameterCount() != 3) {
          throw new LocalApiException(
              name()
                  + ": only a stream handler (InputStream, OutputStream, Context) is"
                  + " given events other than API Gateway's REST proxy event here");
        }
        var out = new ByteArrayOutputStream();
        method.invoke(handler, new ByteArrayInputStream(json), out, context);
        return out.toByteArray();
      }
      APIGatewayProxyRequestEvent proxyEvent = (APIGatewayProxyRequestEvent) event;
      if (method.getParameterCount() == 3) {
        var out = new ByteArrayOutputStream();
        method.invoke(
            handler, new ByteArrayInputStream(LambdaJson.event(proxyEvent)), out, context);
        return LambdaJson.response(out.toByteArray());
      }
      return method.invoke(handler, proxyEvent, context);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Whether Lambda calls it with the event's JSON, {@code (InputStream, OutputStream, Context)}. */
  public boolean streamHandler() {
    return method.getParameterCount() == 3;
  }

  public String name() {
    return definition.logicalId();
  }

  public FunctionDef definition() {
    return definition;
  }

  ClassLoader loader() {
    return loader;
  }

  /** The environment given, or null before the first instance. */
  Map<String, String> environment() {
    return environment;
  }

  String region() {
    Map<String, String> variables = environment;
    return variables == null ? "us-east-1" : variables.getOrDefault("AWS_REGION", "us-east-1");
  }

  @Override
  public void close() {
    closeQuietly(loader);
  }

  private static void closeQuietly(FunctionClassLoader loader) {
    try {
      loader.close();
    } catch (IOException ignored) {
      // Only open jar files are released here; nothing to report.
    }
  }
}
