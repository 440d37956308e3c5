package io.github.keycloaksspr.it.harness.directory;

import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** What a test does to a directory from outside Keycloak, over plain JNDI: bind as a user, read, add. */
public final class DirectoryClient {

    private final String url;

    public DirectoryClient(String url) {
        this.url = url;
    }

    public static DirectoryClient of(DirectoryServer server) {
        return new DirectoryClient(server.url());
    }

    /** Whether {@code dn} can sign in to the directory with {@code password}. */
    public boolean canBind(String dn, String password) {
        try {
            connect(dn, password).close();
            return true;
        } catch (AuthenticationException e) {
            return false;
        } catch (NamingException e) {
            throw new IllegalStateException("Bind as " + dn + " failed for another reason than credentials", e);
        }
    }

    /** Binds {@code times} with a wrong password, as someone guessing would. */
    public void failBinds(String dn, int times) {
        for (int i = 0; i < times; i++) {
            if (canBind(dn, "Wrong-guess-" + i)) {
                throw new IllegalStateException("A wrong password bound as " + dn);
            }
        }
    }

    public Optional<String> attribute(String bindDn, String bindPassword, String dn, String name) {
        try {
            DirContext context = connect(bindDn, bindPassword);
            try {
                Attribute attribute = context.getAttributes(dn, new String[] {name}).get(name);
                return attribute == null ? Optional.empty() : Optional.of(String.valueOf(attribute.get()));
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + dn, e);
        }
    }

    /** Adds an entry; {@code lines} are {@code name: value} pairs, as in LDIF. */
    void add(String bindDn, String bindPassword, String dn, List<String> lines) {
        Attributes attributes = new BasicAttributes(true);
        for (String line : lines) {
            int colon = line.indexOf(": ");
            String name = line.substring(0, colon);
            Attribute existing = attributes.get(name);
            if (existing == null) {
                existing = new BasicAttribute(name);
                attributes.put(existing);
            }
            existing.add(line.substring(colon + 2));
        }
        try {
            DirContext context = connect(bindDn, bindPassword);
            try {
                context.createSubcontext(dn, attributes).close();
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Cannot add " + dn, e);
        }
    }

    private DirContext connect(String dn, String password) throws NamingException {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, url);
        environment.put(Context.SECURITY_AUTHENTICATION, "simple");
        environment.put(Context.SECURITY_PRINCIPAL, dn);
        environment.put(Context.SECURITY_CREDENTIALS, password);
        environment.put("com.sun.jndi.ldap.connect.timeout", "5000");
        environment.put("com.sun.jndi.ldap.read.timeout", "15000");
        if (url.startsWith("ldaps:")) {
            environment.put("java.naming.ldap.factory.socket", DirectoryTls.TrustingSocketFactory.class.getName());
        }
        return new InitialDirContext(environment);
    }
}
