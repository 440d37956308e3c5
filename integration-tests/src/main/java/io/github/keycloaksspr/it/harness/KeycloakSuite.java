package io.github.keycloaksspr.it.harness;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(KeycloakSuite.class)}: one Keycloak, one SMTP server and one admin client for the whole test
 * JVM, started when the first test class needs them and stopped when JUnit closes its root store. Test methods,
 * constructors and {@code @BeforeAll} methods receive them as parameters of type {@link KeycloakServer},
 * {@link MailServer} or {@link KeycloakAdmin}.
 */
public final class KeycloakSuite implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakSuite.class);
    private static final List<Class<?>> RESOLVED = List.of(KeycloakServer.class, MailServer.class, KeycloakAdmin.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SuiteResources resources = resources(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return resources.server();
        }
        if (type == MailServer.class) {
            return resources.mail();
        }
        return resources.admin();
    }

    private static SuiteResources resources(ExtensionContext context) {
        // The root store outlives every test class and closes its resources once, after the last one.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SuiteStart.class, key -> SuiteStart.attempt(), SuiteStart.class)
                .resources();
    }
}
