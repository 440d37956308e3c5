package io.github.keycloaksspr.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds TCP ports for servers the harness starts. */
public final class Ports {

    /** A developer's own Keycloak usually sits on 8080; a test server must never collide with it. */
    private static final int RESERVED = 8080;

    private Ports() {
    }

    /** A port nothing listens on right now; the OS picks it from the ephemeral range. */
    public static int free() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port != RESERVED) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free TCP port", e);
            }
        }
    }

    /** Whether {@code port} can be bound on every interface, the way Keycloak binds it. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
