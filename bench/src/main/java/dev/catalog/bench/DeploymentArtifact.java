package dev.catalog.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The deployment artifact, unpacked as Lambda unpacks it into the task root: classes at the root, runtime jars in
 * {@code lib/}.
 *
 * @param zip      the artifact as deployed
 * @param taskRoot where it is unpacked
 */
record DeploymentArtifact(Path zip, Path taskRoot) {

  /**
   * Unpacks the build's zip into {@code workDir/artifact}; while the build makes none, first assembles the same
   * layout from the compiled classes and the runtime class path Maven wrote to {@code runtimeClasspath}.
   */
  static DeploymentArtifact prepare(
      Path buildZip, Path classes, Path runtimeClasspath, Path workDir) throws IOException {
    Path zip = buildZip;
    if (!Files.isRegularFile(buildZip)) {
      zip = workDir.resolve("assembled-lambda.zip");
      assemble(classes, Files.readString(runtimeClasspath).strip(), zip);
    }
    Path root = workDir.resolve("artifact");
    deleteRecursively(root);
    unzip(zip, root);
    return new DeploymentArtifact(zip, root);
  }

  long zipBytes() throws IOException {
    return Files.size(zip);
  }

  boolean containsClass(String className) {
    return Files.isRegularFile(taskRoot.resolve(className.replace('.', '/') + ".class"));
  }

  /**
   * A second task root: this artifact (hard-linked, not copied) plus the given test-scope classes and the given jars
   * it does not ship already (in {@code lib/}), so that the benchmark's own handlers load from the same artifact
   * without entering the real one.
   */
  Path withClasses(Path classesDir, List<Class<?>> classes, List<Path> jars, Path target)
      throws IOException {
    deleteRecursively(target);
    try (Stream<Path> files = Files.walk(taskRoot)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(taskRoot.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.createLink(copy, source);
        }
      }
    }
    for (Class<?> type : classes) {
      String packageDir = type.getPackageName().replace('.', '/');
      String simple = type.getSimpleName();
      try (Stream<Path> files = Files.list(classesDir.resolve(packageDir))) {
        for (Path file :
            files
                .filter(
                    f ->
                        f.getFileName().toString().equals(simple + ".class")
                            || f.getFileName().toString().startsWith(simple + "$"))
                .toList()) {
          Path copy = target.resolve(packageDir).resolve(file.getFileName().toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
    for (Path jar : jars) {
      Path copy = target.resolve("lib").resolve(jar.getFileName().toString());
      if (!Files.exists(
          copy)) { // the artifact may ship it already: slf4j-api comes with the AWS SDK
        Files.copy(jar, copy);
      }
    }
    return target;
  }

  private static void assemble(Path classes, String runtimeClasspath, Path zip) throws IOException {
    Files.createDirectories(zip.getParent());
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          add(out, classes.relativize(file).toString().replace('\\', '/'), file);
        }
      }
      List<String> jars =
          runtimeClasspath.isEmpty() ? List.of() : List.of(runtimeClasspath.split(":"));
      for (String jar : jars) {
        Path file = Path.of(jar);
        add(out, "lib/" + file.getFileName(), file);
      }
    }
  }

  private static void add(ZipOutputStream out, String name, Path file) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    Files.copy(file, out);
    out.closeEntry();
  }

  private static void unzip(Path zip, Path root) throws IOException {
    Files.createDirectories(root);
    try (var in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("zip entry outside the task root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          in.transferTo(out);
        }
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }
}
