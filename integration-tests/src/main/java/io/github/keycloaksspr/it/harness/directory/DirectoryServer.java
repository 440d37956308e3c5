package io.github.keycloaksspr.it.harness.directory;

import java.time.Duration;
import java.util.List;

/** A throw-away directory server a test federates a realm with. */
public interface DirectoryServer extends AutoCloseable {

    /** Where Keycloak and the tests connect, e.g. {@code ldap://127.0.0.1:38989}. */
    String url();

    /** Keycloak's LDAP vendor setting: {@code other} or {@code ad}. */
    String vendor();

    String usersDn();

    /** The service account Keycloak binds with; never the directory's root, whose writes skip the policy. */
    String bindDn();

    String bindPassword();

    String usernameAttribute();

    String rdnAttribute();

    String uuidAttribute();

    List<String> userObjectClasses();

    String userDn(String username);

    /** Adds a person who can bind with {@code password} and has the address {@code email}. */
    void addUser(String username, String password, String email);

    /** How long the server took from nothing to answering, for the report. */
    Duration startTime();

    @Override
    void close();
}
