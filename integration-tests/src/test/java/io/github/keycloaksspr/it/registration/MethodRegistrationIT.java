package io.github.keycloaksspr.it.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.CredentialRepresentation;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
import io.github.keycloaksspr.it.harness.FormClient;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.RegistrationAction;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.Totp;
import io.github.keycloaksspr.it.harness.TwilioDouble;
import io.github.keycloaksspr.it.harness.TwilioRequest;
import io.github.keycloaksspr.it.reset.ResetJourney;

/**
 * Registering each method through "Register security info" against the real Keycloak, Twilio through a loopback
 * double: a wrong proof and then a right one per method, input that is refused, pre-filled contact data, the admin
 * rule, removal, the settings' edges, a reset with what was registered, and an application asking for one method.
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Registering each security info method")
final class MethodRegistrationIT {

    static final String SENDER = "+15005550006";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALL_METHODS =
            "email##mobile-sms##mobile-voice##office-voice##authenticator-app##security-questions";
    private static final String TEN_YEARS_AGO =
            Long.toString(System.currentTimeMillis() - Duration.ofDays(3650).toMillis());

    private static final String GUARDED_SECRET = "guarded-secret-0001";

    private static TwilioDouble twilio;
    /** Every method, N = 1, reconfirmation after 180 days. */
    private static ProvisionedRealm realm;
    private static ProvisionedRealm never;
    private static ProvisionedRealm relaxed;
    private static ProvisionedRealm pilot;
    private static ProvisionedRealm strict;

    @BeforeAll
    static void createRealms(KeycloakAdmin admin, MailServer mail) {
        twilio = TwilioDouble.start();
        realm = RealmFixture.named(RealmFixture.uniqueName("reg-methods"))
                .displayName("Contoso")
                .mailTo(mail)
                .user(unregistered("emailer"))
                .user(unregistered("texter"))
                .user(unregistered("caller"))
                .user(unregistered("desk"))
                .user(unregistered("appuser"))
                .user(unregistered("asker"))
                .user(unregistered("typo"))
                .user(unregistered("prefilled").withAttribute("sspr.prefill.mobile-phone", "+14155550130"))
                .user(unregistered("boss").withRealmManagementRoles("realm-admin"))
                .user(TestUser.named("stale").withAttribute(RegistrationAction.CONFIRMED_AT, TEN_YEARS_AGO))
                .user(unregistered("keeper").withCredential(authenticationEmail("keeper.alt@mail.test")))
                .user(unregistered("guarded").withCredential(authenticationEmail("guarded.alt@mail.test"))
                        .withCredential(Totp.credential(GUARDED_SECRET, "Guarded's phone")))
                .user(unregistered("resetter"))
                .user(unregistered("appinit"))
                .policy(twilioPolicy(SsprPolicy.forEveryone().withMethods(ALL_METHODS)))
                .registration(Map.of("sspr.register.reconfirm-days", "180"))
                .create(admin);
        never = RealmFixture.named(RealmFixture.uniqueName("reg-never"))
                .mailTo(mail)
                .user(TestUser.named("veteran").withAttribute(RegistrationAction.CONFIRMED_AT, TEN_YEARS_AGO))
                .policy(SsprPolicy.forEveryone())
                .registration(Map.of("sspr.register.reconfirm-days", "0"))
                .create(admin);
        relaxed = RealmFixture.named(RealmFixture.uniqueName("reg-relaxed"))
                .mailTo(mail)
                .user(unregistered("newbie"))
                .policy(SsprPolicy.forEveryone())
                .registration(Map.of("sspr.register.enforce", "false"))
                .create(admin);
        pilot = RealmFixture.named(RealmFixture.uniqueName("reg-pilot"))
                .mailTo(mail)
                .group("/SSPR-Pilot")
                .user(unregistered("outsider"))
                .user(unregistered("member").inGroups("/SSPR-Pilot"))
                .policy(SsprPolicy.forGroup("/SSPR-Pilot"))
                .registration(Map.of())
                .create(admin);
        strict = RealmFixture.named(RealmFixture.uniqueName("reg-strict"))
                .mailTo(mail)
                .policy(SsprPolicy.forEveryone().withMethods("email##security-questions").withMethodsRequired(2))
                .registration(Map.of("sspr.register.methods-required", "2", "sspr.register.reconfirm-days", "90"))
                .create(admin);
    }

    @AfterAll
    static void stopTwilio() {
        if (twilio != null) {
            twilio.close();
        }
    }

    /** No verified address: nothing registered. */
    static TestUser unregistered(String name) {
        return TestUser.named(name).withEmailVerified(false);
    }

    static SsprPolicy twilioPolicy(SsprPolicy policy) {
        return policy.withTwilio(twilio, SENDER);
    }

    /** An authentication email as a migration imports it. */
    static CredentialRepresentation authenticationEmail(String address) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("sspr-email");
        credential.setCredentialData("{\"address\":\"" + address + "\"}");
        credential.setSecretData("{}");
        return credential;
    }

    // ---- each method: a wrong proof, then a right one ------------------------------------------------------------

    @Test
    @DisplayName("Given an email address to register, then a wrong code is refused with the tries left, the right "
            + "code stores it, and the audit keeps both")
    void emailWrongThenRight(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String address = "emailer.private@mail.test";
        Page entry = SignIn.overview(signIn(server, "emailer"), "setup:email");
        int before = mail.messagesTo(address).size();
        Page codePage = SignIn.press(entry, "#sspr-register-email-form", "send", Map.of("sspr-email", address));
        assertThat(codePage.text()).contains("We emailed a code to e\u2022\u2022\u2022e@mail.test");
        String code = digits(EIGHT_DIGITS, last(mail.awaitMessagesTo(address, before + 1, WAIT)).text());

        Page wrong = verify(codePage, otherCode(code));
        assertThat(wrong.text()).contains("That code isn\u2019t right").contains("4 tries left");
        assertThat(credentialTypes("emailer")).doesNotContain("sspr-email");

        Page saved = verify(wrong, code);
        assertThat(saved.text()).as(saved.text()).contains("Your authentication email is set up");
        assertThat(credentialTypes("emailer")).contains("sspr-email");

        List<AuditRecord> records = admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("emailer")));
        assertThat(records).filteredOn(r -> "USER_REGISTERED".equals(r.activity()))
                .anyMatch(r -> "email".equals(r.method()) && "FAILURE".equals(r.result())
                        && "wrong_code".equals(r.failureReason()))
                .anyMatch(r -> "email".equals(r.method()) && "SUCCESS".equals(r.result())
                        && "method_added".equals(r.failureReason()));
    }

    @Test
    @DisplayName("Given a mobile phone to register by text, then the text goes to the number from the sender, a "
            + "wrong code is refused and the right one stores the phone")
    void mobileBySmsWrongThenRight(KeycloakServer server) {
        String number = "+14155550121";
        Page form = SignIn.overview(signIn(server, "texter"), "setup:mobile-phone");
        Page codePage = sendToPhone(form, "+1 415 555 0121", "sms", null);
        assertThat(codePage.text()).as(codePage.text()).contains("We texted a code to +1 \u2022\u2022\u2022");

        TwilioRequest text = twilio.awaitNextTo(number, WAIT);
        assertThat(text.kind()).isEqualTo(TwilioRequest.Kind.MESSAGE);
        assertThat(text.from()).isEqualTo(SENDER);
        String code = digits(SIX_DIGITS, text.body());

        Page wrong = verify(codePage, otherCode(code));
        assertThat(wrong.text()).contains("isn\u2019t right").contains("tries left");
        assertThat(credentialTypes("texter")).doesNotContain("sspr-mobile-phone");

        Page saved = verify(wrong, code);
        assertThat(saved.text()).as(saved.text()).contains("Your mobile phone is set up");
        assertThat(saved.document().select("#sspr-register-method-mobile-phone").text())
                .contains("+1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202221");
        assertThat(credentialTypes("texter")).contains("sspr-mobile-phone");
    }

    @Test
    @DisplayName("Given a mobile phone to register by a call, then the call reads out the code, a wrong code is "
            + "refused and the right one stores the phone")
    void mobileByVoiceWrongThenRight(KeycloakServer server) {
        String number = "+14155550122";
        Page form = SignIn.overview(signIn(server, "caller"), "setup:mobile-phone");
        Page codePage = sendToPhone(form, number, "voice", null);
        assertThat(codePage.text()).as(codePage.text()).contains("We\u2019re calling");

        TwilioRequest call = twilio.awaitNextTo(number, WAIT);
        assertThat(call.kind()).isEqualTo(TwilioRequest.Kind.CALL);
        assertThat(call.from()).isEqualTo(SENDER);
        String code = spokenCode(call.twiml());

        Page wrong = verify(codePage, otherCode(code));
        assertThat(wrong.text()).contains("isn\u2019t right");
        assertThat(credentialTypes("caller")).doesNotContain("sspr-mobile-phone");

        assertThat(verify(wrong, code).text()).contains("Your mobile phone is set up");
        assertThat(credentialTypes("caller")).contains("sspr-mobile-phone");
    }

    @Test
    @DisplayName("Given an office phone with an extension to register, then the call dials the extension, a wrong "
            + "code is refused and the right one stores the phone")
    void officePhoneWrongThenRight(KeycloakServer server) {
        String number = "+14155550123";
        Page form = SignIn.overview(signIn(server, "desk"), "setup:office-phone");
        Page codePage = sendToPhone(form, number, null, "89");
        TwilioRequest call = twilio.awaitNextTo(number, WAIT);
        assertThat(call.kind()).isEqualTo(TwilioRequest.Kind.CALL);
        assertThat(call.sendDigits()).endsWith("89");
        String code = spokenCode(call.twiml());

        Page wrong = verify(codePage, otherCode(code));
        assertThat(wrong.text()).contains("isn\u2019t right");
        assertThat(credentialTypes("desk")).doesNotContain("sspr-office-phone");

        assertThat(verify(wrong, code).text()).contains("Your office phone is set up");
        assertThat(credentialTypes("desk")).contains("sspr-office-phone");
    }

    @Test
    @DisplayName("Given an authenticator app to set up, then a code the app wouldn't show is refused and the app's "
            + "current code stores Keycloak's OTP credential")
    void authenticatorAppWrongThenRight(KeycloakServer server) {
        Page setup = SignIn.overview(signIn(server, "appuser"), "setup:authenticator-app");
        assertThat(setup.document().selectFirst("#sspr-totp-qr")).as(setup.text()).isNotNull();
        String secret = base32(setup.document().select("#sspr-totp-secret").text().replace(" ", ""));

        Page wrong = SignIn.press(setup, "#sspr-register-app-form", "verify",
                Map.of("totp", wrongTotp(secret), "userLabel", "Work phone"));
        assertThat(wrong.text()).contains("isn\u2019t right");
        assertThat(credentialTypes("appuser")).doesNotContain("otp");

        Page saved = SignIn.press(wrong, "#sspr-register-app-form", "verify",
                Map.of("totp", Totp.now(secret), "userLabel", "Work phone"));
        assertThat(saved.text()).as(saved.text()).contains("Your authenticator app is set up");
        assertThat(credentialTypes("appuser")).contains("otp");
    }

    @Test
    @DisplayName("Given security questions to register, then a repeated question, a 2-character answer and a "
            + "repeated answer are each refused, and distinct questions with good answers are stored")
    void securityQuestionsRulesThenRight(KeycloakServer server) {
        Page form = SignIn.overview(signIn(server, "asker"), "setup:security-questions");
        assertThat(form.document().select("#sspr-register-questions-form input[name^=sspr-answer-]")).hasSize(3);

        Page repeatedQuestion = saveQuestions(form, "first-stuffed-animal", "Mr Fluffy",
                "first-stuffed-animal", "Teddy", "first-concert", "Die \u00c4rzte");
        assertThat(repeatedQuestion.text()).contains("each question can be used once");

        Page shortAnswer = saveQuestions(repeatedQuestion, "first-stuffed-animal", "Mr Fluffy",
                "parents-met-city", "Ry", "first-concert", "Die \u00c4rzte");
        assertThat(shortAnswer.text()).contains("Use at least 3 characters");

        Page repeatedAnswer = saveQuestions(shortAnswer, "first-stuffed-animal", "Mr Fluffy",
                "parents-met-city", "mr  FLUFFY", "first-concert", "Die \u00c4rzte");
        assertThat(repeatedAnswer.text()).contains("Use a different answer for each question");
        assertThat(credentialTypes("asker")).doesNotContain("sspr-security-questions");

        Page saved = saveQuestions(repeatedAnswer, "first-stuffed-animal", "Mr Fluffy",
                "parents-met-city", "Aer\u00f8sk\u00f8bing", "first-concert", "Die \u00c4rzte");
        assertThat(saved.text()).as(saved.text()).contains("Your security questions are set up");
        assertThat(credentialTypes("asker")).contains("sspr-security-questions");
    }

    // ---- refused input ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("Given an invalid email, a number without country code, one with letters, or a toll-free number "
            + "for texts, then each is answered with a plain sentence and nothing is sent or stored")
    void badInputStoresNothing(KeycloakServer server) {
        Page overview = signIn(server, "typo");
        Page email = SignIn.overview(overview, "setup:email");
        Page badEmail = SignIn.press(email, "#sspr-register-email-form", "send", Map.of("sspr-email", "not-an-email"));
        assertThat(badEmail.document().selectFirst("#sspr-register-email-form")).isNotNull();
        assertThat(badEmail.text()).contains("Enter an email address like name@example.com");

        Page phone = SignIn.press(badEmail, "#sspr-register-email-form", "back", Map.of());
        phone = SignIn.overview(phone, "setup:mobile-phone");
        Page noCountry = sendToPhone(phone, "415 555 0199", "sms", null);
        assertThat(noCountry.text()).contains("Start the number with + and its country code");
        Page letters = sendToPhone(noCountry, "+1 415 CALL NOW", "sms", null);
        assertThat(letters.text()).contains("Use digits only");
        Page tollFree = sendToPhone(letters, "+1 800 555 0100", "sms", null);
        assertThat(tollFree.text()).contains("That number can\u2019t receive texts");
        assertThat(tollFree.document().selectFirst("#sspr-register-phone-form")).isNotNull();

        assertThat(credentialTypes("typo")).containsExactly("password");
        assertThat(twilio.requests()).noneMatch(r -> Set.of("+14155550199", "+18005550100").contains(r.to()));
    }

    // ---- pre-filled contact data ------------------------------------------------------------------------------

    @Test
    @DisplayName("Given a mobile phone an admin pre-filled, then the user is told not to lose access, the phone "
            + "doesn't count until a code sent to it is entered, and confirming stores it and drops the attribute")
    void prefilledMobilePhone(KeycloakServer server) {
        String number = "+14155550130";
        Page overview = signIn(server, "prefilled");
        assertThat(SignIn.prompted(overview)).as(overview.text()).isTrue();
        assertThat(overview.document().select("#sspr-register-title").text())
                .isEqualTo("Don\u2019t lose access to your account!");
        assertThat(overview.document().select("#sspr-register-method-mobile-phone").attr("data-state"))
                .isEqualTo("prefilled");
        assertThat(overview.document().select("#sspr-register-method-mobile-phone").text())
                .contains("+1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202230");
        assertThat(overview.body()).doesNotContain("4155550130");
        assertThat(overview.document().select("#sspr-register-status").text()).contains("0 of");

        Page codePage = SignIn.overview(overview, "confirm:mobile-phone");
        assertThat(codePage.document().selectFirst("#sspr-register-code-form")).as(codePage.text()).isNotNull();
        TwilioRequest text = twilio.awaitNextTo(number, WAIT);
        assertThat(text.kind()).isEqualTo(TwilioRequest.Kind.MESSAGE);

        Page saved = verify(codePage, digits(SIX_DIGITS, text.body()));
        assertThat(saved.text()).as(saved.text()).contains("Your mobile phone is set up");
        assertThat(saved.document().select("#sspr-register-method-mobile-phone").attr("data-state"))
                .isEqualTo("registered");
        assertThat(saved.document().select("#sspr-register-status").text())
                .isEqualTo("You have set up 1 method, and you need 1: you\u2019re all set.");
        assertThat(credentialTypes("prefilled")).contains("sspr-mobile-phone");
        // the admin's value stays (it may come from the directory); the page no longer offers it
        assertThat(realm.user("prefilled").toRepresentation().firstAttribute("sspr.prefill.mobile-phone"))
                .isEqualTo(number);
        assertThat(saved.document().select("#sspr-confirm-mobile-phone")).isEmpty();
    }

    // ---- admins -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("Given an admin in a realm that asks for 1 method, then security questions aren't offered or "
            + "accepted, and two methods are needed")
    void adminsRegisterTwoMethodsWithoutQuestions(KeycloakServer server, MailServer mail) {
        Page overview = signIn(server, "boss");
        assertThat(SignIn.prompted(overview)).as(overview.text()).isTrue();
        assertThat(overview.document().selectFirst("#sspr-register-method-security-questions")).isNull();
        assertThat(overview.document().selectFirst("#sspr-register-method-email")).isNotNull();
        assertThat(overview.document().select("#sspr-register-status").text()).contains("0 of the 2");

        Page refused = SignIn.overview(overview, "setup:security-questions");
        assertThat(refused.text()).contains("That method isn\u2019t available");
        assertThat(refused.document().selectFirst("#sspr-register-questions-form")).isNull();

        Page oneMethod = SignIn.registerEmail(refused, mail, "boss.private@mail.test");
        assertThat(oneMethod.document().select("#sspr-register-status").text()).contains("1 of the 2");
        assertThat(oneMethod.document().selectFirst("#sspr-register-done")).isNull();
        Page notYet = SignIn.overview(oneMethod, "done");
        assertThat(notYet.text()).contains("Set up at least 2 methods first");
    }

    // ---- when sign-in asks ------------------------------------------------------------------------------------

    @Test
    @DisplayName("Given reconfirmation set to 0 days, then a registered user confirmed 10 years ago is not "
            + "prompted, while the same user is prompted where it is 180 days")
    void reconfirmZeroMeansNever(KeycloakServer server) {
        SignIn neverSignIn = new SignIn(server.baseUrl(), never.name());
        Page page = neverSignIn.as("veteran");
        assertThat(neverSignIn.signedIn(page)).as(page.text()).isTrue();

        Page due = signIn(server, "stale");
        assertThat(SignIn.prompted(due)).as(due.text()).isTrue();
        assertThat(due.document().select("#sspr-register-title").text())
                .isEqualTo("Is your security info still correct?");
    }

    @Test
    @DisplayName("Given registration not required at sign-in, then a user with nothing registered is not prompted")
    void notEnforced(KeycloakServer server) {
        SignIn signIn = new SignIn(server.baseUrl(), relaxed.name());
        Page page = signIn.as("newbie");
        assertThat(signIn.signedIn(page)).as(page.text()).isTrue();
        assertThat(relaxed.resource().flows().getRequiredAction(RegistrationAction.ID).isEnabled()).isTrue();
    }

    @Test
    @DisplayName("Given SSPR enabled for a group, then an unregistered user outside it is not prompted, and one "
            + "inside it is")
    void outOfScopeNotPrompted(KeycloakServer server) {
        SignIn outside = new SignIn(server.baseUrl(), pilot.name());
        Page page = outside.as("outsider");
        assertThat(outside.signedIn(page)).as(page.text()).isTrue();

        Page member = new SignIn(server.baseUrl(), pilot.name()).as("member");
        assertThat(SignIn.prompted(member)).as(member.text()).isTrue();
    }

    // ---- the admin's settings ---------------------------------------------------------------------------------

    @Test
    @DisplayName("Given a reset that asks for 2 methods, then saving 1 to register, or reconfirm days that aren't a "
            + "number from 0 to 730, is refused with 400 and the saved settings stay")
    void settingsValidated() {
        Map<String, String> saved = Map.of("sspr.register.methods-required", "2",
                "sspr.register.reconfirm-days", "90");
        assertThat(refusal(Map.of("sspr.register.methods-required", "1"))).isEqualTo(400);
        assertThat(storedSettings()).containsAllEntriesOf(saved);

        assertThat(refusal(Map.of("sspr.register.methods-required", "2", "sspr.register.reconfirm-days", "soon")))
                .isEqualTo(400);
        assertThat(refusal(Map.of("sspr.register.methods-required", "2", "sspr.register.reconfirm-days", "731")))
                .isEqualTo(400);
        assertThat(storedSettings()).containsAllEntriesOf(saved);
    }

    @Test
    @DisplayName("Given a registered user, then changing a method first asks to prove a registered one: posting the "
            + "change again does nothing, a wrong app code changes nothing, the right one opens the change")
    void changesAskForAProofFirst(KeycloakServer server, KeycloakAdmin admin) {
        // the realm's browser flow asks for the app at sign-in; the proof below uses the app's next code
        Page otp = new SignIn(server.baseUrl(), realm.name()).as("guarded");
        Page overview = otp.form("#kc-otp-login-form").submit(Map.of("otp", Totp.now(GUARDED_SECRET)));
        assertThat(SignIn.prompted(overview)).as(overview.text()).isTrue();
        Page prove = SignIn.overview(overview, "setup:mobile-phone");
        assertThat(prove.text()).contains("First, prove it\u2019s you");
        assertThat(prove.document().select("#sspr-register-prove-form button[name=sspr-action]"))
                .extracting(e -> e.attr("value")).contains("prove:email", "prove:authenticator-app")
                .doesNotContain("prove:mobile-sms");

        Page stillProve = SignIn.press(prove, "#sspr-register-prove-form", "setup:mobile-phone", Map.of());
        assertThat(stillProve.document().selectFirst("#sspr-register-prove-form")).isNotNull();
        assertThat(stillProve.document().selectFirst("#sspr-register-phone-form")).isNull();

        Page appCode = SignIn.press(stillProve, "#sspr-register-prove-form", "prove:authenticator-app", Map.of());
        Page wrong = verify(appCode, wrongTotp(GUARDED_SECRET));
        assertThat(wrong.text()).contains("isn\u2019t right");
        assertThat(wrong.document().selectFirst("#sspr-register-phone-form")).isNull();

        Page entry = verify(wrong, Totp.code(GUARDED_SECRET, System.currentTimeMillis() / 1000 + 30));
        assertThat(entry.document().selectFirst("#sspr-register-phone-form")).as(entry.text()).isNotNull();
        List<AuditRecord> records = admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("guarded")));
        assertThat(records).anyMatch(r -> "authenticator-app".equals(r.method())
                && "method_proven".equals(r.failureReason()));
    }

    // ---- removal ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("Given a user whose only method is the one the reset needs, then removing it warns first and "
            + "\u201cRemove anyway\u201d removes it")
    void removalWarnsFirst(KeycloakServer server, MailServer mail) {
        Page overview = signIn(server, "keeper");
        assertThat(SignIn.prompted(overview)).as(overview.text()).isTrue();
        assertThat(overview.document().select("#sspr-register-method-email").attr("data-state"))
                .isEqualTo("registered");

        // a registered user proves a method before changing anything
        Page prove = SignIn.overview(overview, "remove:email");
        assertThat(prove.document().selectFirst("#sspr-register-prove-form")).as(prove.text()).isNotNull();
        int before = mail.messagesTo("keeper.alt@mail.test").size();
        Page codePage = SignIn.press(prove, "#sspr-register-prove-form", "prove:email", Map.of());
        String code = digits(EIGHT_DIGITS, last(mail.awaitMessagesTo("keeper.alt@mail.test", before + 1, WAIT)).text());
        Page warned = verify(codePage, code);
        assertThat(warned.text()).contains("you won\u2019t have enough methods");
        assertThat(warned.document().select("#sspr-remove-email").text()).isEqualTo("Remove anyway");
        assertThat(credentialTypes("keeper")).contains("sspr-email");

        Page removed = SignIn.overview(warned, "remove:email");
        assertThat(removed.text()).contains("Your authentication email was removed");
        assertThat(removed.document().select("#sspr-register-method-email").attr("data-state")).isEqualTo("missing");
        assertThat(credentialTypes("keeper")).doesNotContain("sspr-email");
    }

    // ---- registration, then a reset ---------------------------------------------------------------------------

    @Test
    @DisplayName("Given a user who registered an authentication email, then a self-service reset offers it masked "
            + "and sends the code there, not to the account's address")
    void registeredEmailResets(KeycloakServer server, MailServer mail) {
        String registered = "resetter.alt@mail.test";
        String account = "resetter@users.test";
        SignIn signIn = new SignIn(server.baseUrl(), realm.name());
        Page saved = SignIn.registerEmail(signIn.as("resetter"), mail, registered);
        Page done = SignIn.overview(saved, "done");
        assertThat(signIn.signedIn(done)).as(done.text()).isTrue();

        int toAccount = mail.messagesTo(account).size();
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page methods = journey.startAs("resetter");
        assertThat(methods.document().select("#sspr-method-email").text()).as(methods.text())
                .contains("r\u2022\u2022\u2022t@mail.test");
        ResetJourney.CodeSent sent = journey.sendEmailCode(methods, registered);
        Page newPassword = journey.enterCode(sent.page(), sent.code());
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
        assertThat(mail.messagesTo(account)).hasSize(toAccount);
    }

    // ---- application-initiated ----------------------------------------------------------------------------------

    @Test
    @DisplayName("Given an application asking for a mobile phone with kc_action, then sign-in opens the phone page "
            + "and the proven phone returns the user to the application without the overview")
    void applicationInitiatedMobilePhone(KeycloakServer server) {
        String number = "+14155550140";
        FormClient client = new FormClient(server.baseUrl());
        Page login = client.get(client.authorizationUrl(realm.name()) + "&kc_action="
                + URLEncoder.encode(RegistrationAction.ID + ":mobile-phone", StandardCharsets.UTF_8));
        Page form = login.form("#kc-form-login")
                .submit(Map.of("username", "appinit", "password", TestUser.DEFAULT_PASSWORD));
        assertThat(form.document().selectFirst("#sspr-register-phone-form")).as(form.text()).isNotNull();
        assertThat(SignIn.prompted(form)).isFalse();

        Page codePage = sendToPhone(form, number, "sms", null);
        Page back = verify(codePage, digits(SIX_DIGITS, twilio.awaitNextTo(number, WAIT).body()));
        assertThat(new SignIn(server.baseUrl(), realm.name()).signedIn(back)).as(back.text()).isTrue();
        assertThat(credentialTypes("appinit")).contains("sspr-mobile-phone");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Page signIn(KeycloakServer server, String username) {
        Page page = new SignIn(server.baseUrl(), realm.name()).as(username);
        assertThat(SignIn.prompted(page)).as("prompted: %s", page.text()).isTrue();
        return page;
    }

    /** Types a number on the phone page; {@code channel} null leaves the page's choice, {@code extension} null none. */
    private static Page sendToPhone(Page form, String number, String channel, String extension) {
        Map<String, String> fields = new HashMap<>();
        fields.put("sspr-phone", number);
        if (channel != null) {
            fields.put("sspr-channel", channel);
        }
        if (extension != null) {
            fields.put("sspr-extension", extension);
        }
        return SignIn.press(form, "#sspr-register-phone-form", "send", fields);
    }

    private static Page verify(Page codePage, String code) {
        return SignIn.press(codePage, "#sspr-register-code-form", "verify", Map.of("code", code));
    }

    /** Questions and answers for slots 1, 2, 3: id, answer, id, answer, ... */
    private static Page saveQuestions(Page form, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put("sspr-question-" + (i / 2 + 1), pairs[i]);
            fields.put("sspr-answer-" + (i / 2 + 1), pairs[i + 1]);
        }
        return SignIn.press(form, "#sspr-register-questions-form", "save", fields);
    }

    private static List<String> credentialTypes(String username) {
        return realm.user(username).credentials().stream().map(CredentialRepresentation::getType).toList();
    }

    private static int refusal(Map<String, String> settings) {
        WebApplicationException refused = catchThrowableOfType(WebApplicationException.class,
                () -> RegistrationAction.configure(strict.resource(), settings));
        assertThat(refused).as("refused: %s", settings).isNotNull();
        return refused.getResponse().getStatus();
    }

    private static Map<String, String> storedSettings() {
        return strict.resource().flows().getRequiredActionConfig(RegistrationAction.ID).getConfig();
    }

    /** The same length, every digit changed. */
    private static String otherCode(String code) {
        StringBuilder other = new StringBuilder();
        for (char digit : code.toCharArray()) {
            other.append((char) ('0' + (digit - '0' + 1) % 10));
        }
        return other.toString();
    }

    /** A code the app shows at none of the moments Keycloak accepts now (one period either side). */
    private static String wrongTotp(String secret) {
        long now = System.currentTimeMillis() / 1000;
        Set<String> accepted = Set.of(Totp.code(secret, now - 30), Totp.code(secret, now), Totp.code(secret, now + 30),
                Totp.code(secret, now + 60));
        String candidate = Totp.code(secret, now - 3600);
        while (accepted.contains(candidate)) {
            candidate = otherCode(candidate);
        }
        return candidate;
    }

    /** The secret the page shows in base32 (RFC 4648, no padding), as the app reads it: Keycloak's stored value. */
    private static String base32(String encoded) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : encoded.toUpperCase(java.util.Locale.ROOT).replace("=", "").toCharArray()) {
            int value = alphabet.indexOf(c);
            assertThat(value).as("base32 character %s in %s", c, encoded).isNotNegative();
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static MailMessage last(List<MailMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static String digits(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("a code in: %s", text).isTrue();
        return matcher.group(1);
    }

    /** The code from TwiML that says it digit by digit: "1, 2, 3, 4, 5, 6". */
    private static String spokenCode(String twiml) {
        Matcher matcher = Pattern.compile("(\\d(?:, \\d){5})").matcher(twiml);
        assertThat(matcher.find()).as("a spoken code in: %s", twiml).isTrue();
        return matcher.group(1).replace(", ", "");
    }
}
