package dev.catalog.local.lambda;

import dev.catalog.local.lambda.snapstart.SnapStartHooks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * One function's class loader, as if it ran in a Lambda execution environment of its own: the deployment's classes
 * (the application's and its runtime dependencies', see {@link LambdaClasspath}) are loaded by this loader alone, over
 * the JDK, so each function has its own copies and its own statics: {@code Environment}, client holders, and the
 * libraries' singletons (avaje's default validator, for one, keeps the first model classes it sees).
 *
 * <p>Only the Lambda Java API ({@code com.amazonaws.services.lambda.runtime}: RequestHandler, Context and the event
 * classes, plain objects without state) is shared with the host, which builds the events and reads the responses
 * with it; and SLF4J's facade, so its "no binding" notice is printed (and silenced) once rather than per function.
 *
 * <p>The local CRaC implementation ({@link dev.catalog.local.lambda.snapstart.crac}) comes from the host's class path but is
 * defined by this loader, so each function has its own global context, as each Lambda function has its own runtime.
 */
final class FunctionClassLoader extends URLClassLoader {
  private static final List<String> SHARED =
      List.of("com.amazonaws.services.lambda.runtime.", "org.slf4j.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader host;

  FunctionClassLoader(String functionName, List<URL> classpath, ClassLoader host) {
    super(functionName, classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.host = host;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SnapStartHooks.COMPAT_PACKAGE + ".")) {
      return defineOwnCopy(name);
    }
    for (String prefix : SHARED) {
      if (name.startsWith(prefix)) {
        return host.loadClass(name);
      }
    }
    return super.loadClass(name, resolve);
  }

  private Class<?> defineOwnCopy(String name) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded;
      }
      try (InputStream in = host.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
