package io.github.keycloaksspr.it.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.keycloaksspr.it.harness.Artifacts;
import io.github.keycloaksspr.it.harness.KeycloakClassPath;
import io.github.keycloaksspr.it.harness.TwilioDouble;
import io.github.keycloaksspr.it.harness.TwilioRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The deployable JAR's Twilio and libphonenumber copies, relocated, run on Keycloak 26.7's own libraries only (its
 * Jackson, SLF4J, commons-codec): texts and a call go out through the double. Everything is reached by reflection,
 * because the classes must come from the shaded JAR, not from this module's classpath.
 */
@DisplayName("The shaded provider JAR on Keycloak's libraries")
final class ShadedTwilioIT {

    private static final String SHADED = "io.github.keycloaksspr.shaded.";

    private static URLClassLoader keycloak;
    private static TwilioDouble twilio;

    @BeforeAll
    static void load() {
        keycloak = KeycloakClassPath.withProvider(Artifacts.fromSystemProperties());
        twilio = TwilioDouble.start();
    }

    @AfterAll
    static void close() throws Exception {
        twilio.close();
        keycloak.close();
    }

    @Test
    @DisplayName("Given the JAR, then Twilio, libphonenumber and their libraries are relocated, not at their own names")
    void relocated() throws ClassNotFoundException {
        for (String original : List.of("com.twilio.Twilio", "com.google.i18n.phonenumbers.PhoneNumberUtil",
                "org.apache.hc.client5.http.config.RequestConfig", "com.ctc.wstx.stax.WstxInputFactory",
                "com.fasterxml.jackson.dataformat.xml.XmlMapper")) {
            assertThatThrownBy(() -> Class.forName(original, false, keycloak))
                    .as(original).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(Class.forName(SHADED + "twilio.Twilio", false, keycloak).getClassLoader()).isSameAs(keycloak);
        // Twilio's Jackson use runs on the Jackson Keycloak ships
        assertThat(Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, keycloak)
                .getProtectionDomain().getCodeSource().getLocation().getPath()).contains("jackson-databind-2.21");
    }

    @Test
    @DisplayName("Given Keycloak's libraries only, then a number parses, and an SMS and a voice call reach the double")
    void sendsThroughTheShadedSdk() throws Throwable {
        Object mobile = phone("+49 151 23456789");
        Object office = phone("+49 30 1234567 x89");
        Object gateway = gateway();
        String twiml = (String) invoke(type("twilio.VoiceScript"), null, "forCode",
                "Ihr Code lautet", "042917", Locale.GERMANY);

        invoke(gateway.getClass(), gateway, "sendSms", mobile, "Your code is 042917");
        invoke(gateway.getClass(), gateway, "call", office, twiml);

        TwilioRequest sms = twilio.awaitNextTo("+4915123456789", Duration.ofSeconds(5));
        TwilioRequest call = twilio.awaitNextTo("+49301234567", Duration.ofSeconds(5));
        assertThat(sms.body()).isEqualTo("Your code is 042917");
        assertThat(call.twiml()).contains("<Say language=\"de-DE\">0, 4, 2, 9, 1, 7</Say>");
        assertThat(call.sendDigits()).isEqualTo("ww89");
    }

    @Test
    @DisplayName("Given Twilio's 21211, then the shaded SDK's error is still read and mapped")
    void mapsErrorsThroughTheShadedSdk() throws Throwable {
        twilio.failNext(400, 21211, "The 'To' number is not a valid phone number.");
        Object gateway = gateway();

        Throwable failure = catchThrowable(() ->
                invoke(gateway.getClass(), gateway, "sendSms", phone("+49 151 23456789"), "x"));

        assertThat(failure.getClass().getName()).isEqualTo("io.github.keycloaksspr.twilio.PhoneSendException");
        assertThat(invoke(failure.getClass(), failure, "providerCode")).isEqualTo("21211");
        assertThat(invoke(failure.getClass(), failure, "failure")).hasToString("INVALID_NUMBER");
    }

    private static Object phone(String raw) throws Throwable {
        Object parsed = invoke(type("phone.PhoneNumbers"), null, "parse", raw, null);
        return ((Optional<?>) invoke(parsed.getClass(), parsed, "number")).orElseThrow();
    }

    private static Object gateway() throws Throwable {
        Map<String, String> config = Map.of(
                "sspr.twilio.account-sid", twilio.accountSid(),
                "sspr.twilio.auth-token", twilio.authToken(),
                "sspr.twilio.from", "+14155550100",
                "sspr.twilio.api-base-url", twilio.baseUrl());
        Object parsed = invoke(type("twilio.TwilioSettings"), null, "parse", config, UnaryOperator.identity());
        Object settings = ((Optional<?>) invoke(parsed.getClass(), parsed, "settings")).orElseThrow();
        return type("twilio.TwilioGateway").getConstructor(settings.getClass()).newInstance(settings);
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName("io.github.keycloaksspr." + name, true, keycloak);
    }

    /** Calls the one public method named {@code name} with {@code args}, unwrapping what it throws. */
    private static Object invoke(Class<?> type, Object target, String name, Object... args) throws Throwable {
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst().orElseThrow(() -> new NoSuchMethodException(type.getName() + "." + name));
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
