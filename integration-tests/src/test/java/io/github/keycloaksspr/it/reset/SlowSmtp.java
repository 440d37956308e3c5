package io.github.keycloaksspr.it.reset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * An SMTP server that answers only after a delay: a loopback proxy that waits before it connects a client to the
 * real (GreenMail) server, so the greeting, and with it the whole conversation, starts {@code delay} late.
 */
final class SlowSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Duration delay;

    private SlowSmtp(int targetPort, Duration delay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delay = delay;
        Thread acceptor = new Thread(this::accept, "slow-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SlowSmtp start(int targetPort, Duration delay) throws IOException {
        return new SlowSmtp(targetPort, delay);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread connection = new Thread(() -> relay(client), "slow-smtp-relay");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread.sleep(delay.toMillis());
            Thread upstream = new Thread(() -> pipe(client, server), "slow-smtp-up");
            upstream.setDaemon(true);
            upstream.start();
            pipe(server, client);
            upstream.join(Duration.ofSeconds(30).toMillis());
        } catch (IOException e) {
            // the client gave up; nothing to relay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the other follows
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
