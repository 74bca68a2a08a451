package dev.catalog.local;

import dev.catalog.local.console.LocalApiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One local system per {@code -Dlocal.data} folder: a second one on the same folder would run a DynamoDB Local of its
 * own on the same files, and its stream consumers beside the first one's (every SNS event published twice, and its
 * fan-out removing the first one's connections as gone). The folder's {@value #FILE} holds the process id of the
 * system using it, under an operating-system file lock ({@link FileChannel#tryLock()}), which the system holds while it
 * runs and which ends with its process: a run that crashed leaves the file with its pid, but no lock, so the next run
 * takes it. The file itself is never deleted (deleting it while another process opens it would let two processes lock
 * two different files); releasing empties it.
 *
 * <p>A POSIX lock belongs to the process, and closing any descriptor of the file releases it: so a second system in
 * the same JVM (tests start several) is refused from the folders this JVM holds, without opening the file.
 */
final class DataFolderLock implements AutoCloseable {
  /** The lock file, in the data folder beside DynamoDB Local's database. */
  static final String FILE = "local-api.lock";

  /** The folders this JVM holds, by real path. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the folder (created when missing) for this process, or refuses.
   *
   * @throws LocalApiException naming the folder and the process that holds it
   */
  static DataFolderLock take(Path folder) {
    Path file = folder.resolve(FILE);
    FileChannel channel = null;
    Path held = null;
    try {
      Files.createDirectories(folder);
      Path real = folder.toRealPath();
      if (!HELD.add(real)) {
        throw refused(folder, file, Long.toString(ProcessHandle.current().pid()));
      }
      held = real;
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        HELD.remove(real);
        throw refused(folder, file, holder);
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(false);
      return new DataFolderLock(real, channel, lock);
    } catch (IOException e) {
      if (held != null) {
        HELD.remove(held);
      }
      closeQuietly(channel);
      throw new LocalApiException(
          "Cannot lock the data folder "
              + folder
              + " (-Dlocal.data) through "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static LocalApiException refused(Path folder, Path file, String holder) {
    return new LocalApiException(
        "The data folder "
            + folder
            + " (-Dlocal.data) is in use by another local API, "
            + (holder.isEmpty() ? "a process that has not written its id yet" : "process " + holder)
            + " ("
            + file.toAbsolutePath()
            + "): stop it first, or give this one another folder");
  }

  /** The process id the holder wrote, or empty when it has not yet. */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(64);
    channel.read(content, 0);
    return new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
  }

  /** Empties the file and releases the lock: the folder is free for the next run. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      // The lock ends with the channel, closed below, in any case.
    } finally {
      closeQuietly(channel);
      HELD.remove(folder);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to release.
      }
    }
  }
}
