/*
 * A local Neo4j 5.26 Community server for Topograph, without Docker: the same engine, Cypher,
 * Bolt and Lucene full-text indexes as the neo4j:5.26-community image, started in this JVM.
 * Bolt listens on 127.0.0.1 only (HTTP and Neo4j Browser are off), authentication is on, and
 * the password of the user "neo4j" is set from NEO4J_PASSWORD at every start (so changing the
 * variable changes the password). It prints one line when it is ready and shuts the database
 * down cleanly on SIGINT or SIGTERM. Started by neo4j/launcher.ts (`npm run neo4j`), which
 * checks Java, Maven and the port first and passes the options below.
 *
 *   java ... dev.topograph.neo4j.LocalNeo4j --home <dir> --port <n> --pagecache <bytes>
 */
package dev.topograph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public final class LocalNeo4j {
  /** Exit codes the launcher turns into messages: bad options, port taken, failed start. */
  static final int EXIT_USAGE = 64;
  static final int EXIT_PORT_TAKEN = 65;
  static final int EXIT_START_FAILED = 70;

  private static final String HOST = "127.0.0.1";
  private static final String USER = "neo4j";

  private LocalNeo4j() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    Path home = Path.of(options.getOrDefault("home", "data/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(options.getOrDefault("port", "7687"));
    long pageCache = Long.parseLong(options.getOrDefault("pagecache", String.valueOf(512L << 20)));
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail(EXIT_USAGE, "NEO4J_PASSWORD must be set, 8 characters or more");
    }
    try {
      Files.createDirectories(home);
    } catch (IOException error) {
      fail(EXIT_START_FAILED, "cannot create " + home + ": " + error.getMessage());
    }

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
              .setConfig(HttpConnector.enabled, false)
              .setConfig(HttpsConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
              // One transaction log file is kept, not two days' worth: the test suite rewrites
              // its database thousands of times.
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
              .build();
    } catch (RuntimeException error) {
      if (isBindFailure(error)) {
        fail(EXIT_PORT_TAKEN, "port " + port + " on " + HOST + " is taken: " + rootMessage(error));
      }
      fail(EXIT_START_FAILED, "Neo4j did not start: " + rootMessage(error));
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    DatabaseManagementService started = dbms;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("neo4j: stopping…");
                  started.shutdown();
                  System.out.println("neo4j: stopped; data kept in " + home);
                  stopped.countDown();
                },
                "topograph-neo4j-shutdown"));

    GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!database.isAvailable(Duration.ofMinutes(2).toMillis())) {
      fail(EXIT_START_FAILED, "the database did not become available in 2 minutes; see " + home.resolve("logs"));
    }
    try {
      setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    } catch (RuntimeException error) {
      fail(EXIT_START_FAILED, "cannot set the password of user neo4j: " + rootMessage(error));
    }
    String version =
        database.executeTransactionally(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
            Map.of(),
            result -> String.valueOf(result.next().get("v")));
    System.out.println(
        "neo4j: Neo4j "
            + version
            + " ready at bolt://"
            + HOST
            + ":"
            + port
            + " (user "
            + USER
            + ", data in "
            + home
            + "); Ctrl+C stops it");
    stopped.await();
  }

  /** Sets the password of "neo4j"; the same password again is not an error. */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (RuntimeException error) {
      if (!rootMessage(error).contains("cannot be the same")) throw error;
    }
  }

  /** `--name value` pairs; anything else is a usage error. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail(EXIT_USAGE, "usage: LocalNeo4j --home <dir> --port <n> --pagecache <bytes>");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static boolean isBindFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.BindException) return true;
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Address already in use")) return true;
    }
    return false;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static void fail(int code, String message) {
    System.err.println("neo4j: " + message);
    System.exit(code);
  }
}
