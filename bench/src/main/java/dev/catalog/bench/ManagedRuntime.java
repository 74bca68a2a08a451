package dev.catalog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What the managed Java runtime contributes to a function's JVM: the runtime interface client and its jars on the
 * class path (the deployment artifact is not: the client loads it from the working directory), the client's JNI
 * library unpacked beforehand, the JVM flags, and the reserved environment variables.
 */
final class ManagedRuntime {

  static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private final Path javaHome;
  private final int javaFeature;
  private final Path directory;
  private final List<Path> jars;
  private final Path jniLibrary;

  private ManagedRuntime(
      Path javaHome, int javaFeature, Path directory, List<Path> jars, Path jniLibrary) {
    this.javaHome = javaHome;
    this.javaFeature = javaFeature;
    this.directory = directory;
    this.jars = jars;
    this.jniLibrary = jniLibrary;
  }

  /**
   * The runtime whose jars Maven copied into {@code directory}; unpacks the client's JNI library next to them, as
   * the managed runtime ships it (otherwise each start would unpack it to {@code /tmp} again).
   */
  static ManagedRuntime in(Path directory, Path javaHome) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
    }
    Path client =
        jars.stream()
            .filter(
                jar ->
                    jar.getFileName()
                        .toString()
                        .startsWith("aws-lambda-java-runtime-interface-client"))
            .findFirst()
            .orElseThrow(() -> new IOException("no runtime interface client jar in " + directory));
    String library = "libaws-lambda-jni." + platform() + ".so";
    Path jni = directory.resolve("jni").resolve(library);
    Files.createDirectories(jni.getParent());
    try (var zip = new ZipFile(client.toFile())) {
      var entry = zip.getEntry("jni/" + library);
      if (entry == null) {
        throw new IOException(client + " has no jni/" + library);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, jni, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new ManagedRuntime(javaHome, featureVersion(javaHome), directory, jars, jni);
  }

  /** The JDK's feature version, from the {@code release} file every JDK ships ({@code JAVA_VERSION="21.0.5"}). */
  private static int featureVersion(Path javaHome) throws IOException {
    return Files.readAllLines(javaHome.resolve("release")).stream()
        .filter(line -> line.startsWith("JAVA_VERSION="))
        .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
        .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
        .findFirst()
        .orElseThrow(() -> new IOException("no JAVA_VERSION in " + javaHome.resolve("release")));
  }

  /** The JDK the functions run on, e.g. {@code 25.0.3}: the managed runtime's is Corretto 21. */
  String javaDescription() throws IOException {
    return javaHome + " (Java " + javaFeature + ")";
  }

  private static String platform() {
    return switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "linux-x86_64";
      case "aarch64" -> "linux-aarch_64";
      default ->
          throw new IllegalStateException(
              "no runtime interface client for " + System.getProperty("os.arch"));
    };
  }

  /** The command line: the managed runtime's flags, pinned by {@code taskset} to {@code cpu}. */
  List<String> command(BenchFunction function, int cpu) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "taskset",
                "-c",
                Integer.toString(cpu),
                javaHome.resolve("bin").resolve("java").toString()));
    // The managed runtime gives the heap 85% of the function's memory. MaxRAM makes every other
    // default the JVM sizes
    // from memory (initial heap, young generation...) what it is in a container of MemorySize, not
    // this machine.
    command.add("-XX:MaxRAM=" + function.memoryMb() + "m");
    command.add("-XX:MaxHeapSize=" + function.memoryMb() * 1024L * 85 / 100 + "k");
    command.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "-XX:+ErrorFileToStderr",
            "-D" + JNI_PROPERTY + "=" + jniLibrary));
    if (javaFeature >= 22) {
      // Java 21, the managed runtime's, loads the client's JNI library silently; later JDKs warn
      // unless told.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(
        List.of(
            "-classpath",
            String.join(":", jars.stream().map(Path::toString).toList()),
            MAIN_CLASS,
            function.handler()));
    return command;
  }

  /** The reserved variables Lambda sets, then the function's own. */
  Map<String, String> environment(BenchFunction function, String runtimeApi, Path taskRoot) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "en_US.UTF-8");
    env.put("TZ", ":UTC");
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", directory.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", function.handler());
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
    env.put(
        "AWS_LAMBDA_LOG_STREAM_NAME",
        "2025/01/01/[$LATEST]" + HexFormat.of().toHexDigits(function.name().hashCode()));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "bench");
    env.put("AWS_SECRET_ACCESS_KEY", "bench");
    env.put("AWS_SESSION_TOKEN", "bench");
    env.putAll(function.environment());
    return env;
  }
}
