package io.github.keycloaksspr.directory;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.LDAPConstants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;

/**
 * Active Directory's own lockout ({@code lockoutTime}), read and cleared through the realm's LDAP federation: the
 * same connection, bind credentials, vault and truststore Keycloak already uses for the password write.
 */
final class ActiveDirectoryLock implements DirectoryLock {

    static final String LOCKOUT_TIME = "lockoutTime";
    /** Constructed by the server; its UF_LOCKOUT bit already accounts for the lockout duration having passed. */
    static final String COMPUTED_CONTROL = "msDS-User-Account-Control-Computed";
    private static final long UF_LOCKOUT = 0x10;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final FederationLink link;

    ActiveDirectoryLock(KeycloakSession session, RealmModel realm, FederationLink link) {
        this.session = session;
        this.realm = realm;
        this.link = link;
    }

    @Override
    public boolean locked(UserModel user) {
        return entry(user).map(entry -> locked(entry.getAttributeAsString(LOCKOUT_TIME),
                entry.getAttributeAsString(COMPUTED_CONTROL))).orElse(false);
    }

    @Override
    public void clear(UserModel user) {
        Optional<LDAPObject> entry = entry(user);
        if (entry.isEmpty()) {
            return;
        }
        // only lockoutTime is written: an update of the loaded entry would write back every attribute it holds
        LDAPObject patch = new LDAPObject();
        patch.setDn(entry.get().getDn());
        patch.setRdnAttributeNames(entry.get().getRdnAttributeNames());
        patch.setSingleAttribute(LOCKOUT_TIME, "0");
        provider().orElseThrow().getLdapIdentityStore().update(patch);
    }

    /** Whether the directory reports the account locked now; without the computed flag, a lockout time counts. */
    static boolean locked(String lockoutTime, String computedControl) {
        if (computedControl != null && !computedControl.isBlank()) {
            return (parse(computedControl) & UF_LOCKOUT) != 0;
        }
        return lockoutTime != null && parse(lockoutTime) > 0;
    }

    private Optional<LDAPObject> entry(UserModel user) {
        String uuid = user.getFirstAttribute(LDAPConstants.LDAP_ID);
        Optional<LDAPStorageProvider> provider = provider();
        if (uuid == null || provider.isEmpty()) {
            return Optional.empty();
        }
        try (LDAPQuery query = LDAPUtils.createQueryForUserSearch(provider.get(), realm)) {
            String uuidAttribute = provider.get().getLdapIdentityStore().getConfig().getUuidLDAPAttributeName();
            query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(uuidAttribute, uuid));
            query.addReturningLdapAttribute(LOCKOUT_TIME);
            query.addReturningLdapAttribute(COMPUTED_CONTROL);
            return Optional.ofNullable(query.getFirstResult());
        }
    }

    /** The provider instance the user was loaded through in this session, or a fresh one for the same component. */
    private Optional<LDAPStorageProvider> provider() {
        Object loaded = session.getAttribute(link.componentId());
        if (loaded instanceof LDAPStorageProvider ldap) {
            return Optional.of(ldap);
        }
        UserStorageProvider created = session.getComponentProvider(UserStorageProvider.class, link.componentId());
        return created instanceof LDAPStorageProvider ldap ? Optional.of(ldap) : Optional.empty();
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
