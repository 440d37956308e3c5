package io.github.keycloaksspr.it.harness.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import io.github.keycloaksspr.it.harness.Artifacts;

/**
 * The one self-signed TLS certificate the test directories serve LDAPS with, made before Keycloak starts so the
 * server can trust it ({@code --truststore-paths}) the way an operator trusts a company CA. It names the loopback
 * addresses a test domain controller may listen on.
 */
public final class DirectoryTls {

    /** Loopback addresses a domain controller may bind: its LDAP ports are fixed, so two runs need two addresses. */
    static final int LAST_LOOPBACK_HOST = 20;
    private static final String OPENSSL = "/usr/bin/openssl";

    private DirectoryTls() {
    }

    /** The certificate Keycloak should trust, made on first use; empty on a machine without openssl. */
    public static synchronized Optional<Path> certificate() {
        Path cert = directory().resolve("cert.pem");
        if (Files.exists(cert)) {
            return Optional.of(cert);
        }
        if (!Commands.available(OPENSSL)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(List.of("DNS:localhost", "DNS:dc1.example.test"));
        for (int host = 1; host <= LAST_LOOPBACK_HOST; host++) {
            names.add("IP:127.0.0." + host);
        }
        Commands.run(List.of(OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-keyout", key().toString(), "-out", cert.toString(), "-subj", "/CN=dc1.example.test",
                "-addext", "subjectAltName=" + String.join(",", names)), null, directory().resolve("openssl.log"));
        try {
            // Samba refuses a key file others may read
            Files.setPosixFilePermissions(key(), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + key(), e);
        }
        return Optional.of(cert);
    }

    static Path key() {
        return directory().resolve("key.pem");
    }

    private static Path directory() {
        return Artifacts.buildDirectory().resolve("directory-tls");
    }

    /**
     * JNDI's hook for LDAPS sockets ({@code java.naming.ldap.factory.socket}): a class with a static
     * {@code getDefault()}. It trusts the test certificate only.
     */
    public static final class TrustingSocketFactory extends SocketFactory {

        private static SSLSocketFactory delegate;

        public static synchronized SocketFactory getDefault() {
            if (delegate == null) {
                delegate = sslContext().getSocketFactory();
            }
            return new TrustingSocketFactory();
        }

        @Override
        public Socket createSocket() throws IOException {
            return delegate.createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return delegate.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return delegate.createSocket(address, port, localAddress, localPort);
        }

        private static SSLContext sslContext() {
            Path cert = certificate().orElseThrow(() -> new IllegalStateException("No test certificate"));
            try (InputStream in = Files.newInputStream(cert)) {
                Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry("test-directory", certificate);
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot trust " + cert, e);
            }
        }
    }
}
