package io.github.keycloaksspr.it.harness.directory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waits until a freshly started server accepts TCP connections. */
final class Listening {

    private static final Duration POLL = Duration.ofMillis(20);

    private Listening() {
    }

    static void await(String host, int port, Duration timeout, Process process, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " before it "
                        + "listened on " + host + ":" + port + "; " + log + ":\n" + Commands.tail(log));
            }
            if (answers(host, port)) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + host + ":" + port, e);
            }
        }
        process.destroy();
        throw new IllegalStateException("Nothing listened on " + host + ":" + port + " within " + timeout + "; "
                + log + ":\n" + Commands.tail(log));
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
