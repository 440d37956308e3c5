package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.Phones;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SecurityQuestionsImport;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.TwilioDouble;
import io.github.keycloaksspr.it.harness.TwilioRequest;

/**
 * Text, voice and office-phone codes through the official Twilio SDK against a loopback Twilio, and security
 * questions; then N = 2 combinations of them, Twilio failures, and the toll-fraud limit per number.
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Every verification method against the real Keycloak")
final class MethodsIT {

    static final String SENDER = "+15005550006";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NEW_PASSWORD = "Method-new-Passw0rd!";

    private static TwilioDouble twilio;
    private static ProvisionedRealm one;
    private static ProvisionedRealm two;

    @BeforeAll
    static void createRealms(KeycloakAdmin admin, MailServer mail) {
        twilio = TwilioDouble.start();
        one = RealmFixture.named(RealmFixture.uniqueName("methods"))
                .displayName("Contoso")
                .mailTo(mail)
                .user(TestUser.named("texter").withCredential(Phones.mobile("+14155550101")))
                .user(TestUser.named("caller").withCredential(Phones.mobile("+14155550102")))
                .user(TestUser.named("desk").withCredential(Phones.office("+14155550103", "89")))
                .user(TestUser.named("asker").withCredential(fiveQuestions()))
                .user(TestUser.named("unlucky").withCredential(Phones.mobile("+14155550104")))
                .user(TestUser.named("sharer1").withCredential(Phones.mobile("+14155550105")))
                .user(TestUser.named("sharer2").withCredential(Phones.mobile("+14155550105")))
                .policy(twilioPolicy(SsprPolicy.forEveryone()
                        .withMethods("email##mobile-sms##mobile-voice##office-voice##security-questions")
                        .with("sspr.throttle.phone-sends-per-hour", "5")))
                .create(admin);
        two = RealmFixture.named(RealmFixture.uniqueName("two-methods"))
                .mailTo(mail)
                .user(TestUser.named("pair").withCredential(Phones.mobile("+14155550111"))
                        .withCredential(fiveQuestions()))
                .user(TestUser.named("boss").withCredential(Phones.mobile("+14155550112"))
                        .withCredential(fiveQuestions()).withRealmManagementRoles("realm-admin"))
                .user(TestUser.named("qboss").withoutEmail().withCredential(Phones.mobile("+14155550113"))
                        .withCredential(fiveQuestions()).withRealmManagementRoles("manage-users"))
                .policy(twilioPolicy(SsprPolicy.forEveryone()
                        .withMethods("email##mobile-sms##security-questions").withMethodsRequired(2)))
                .create(admin);
    }

    @AfterAll
    static void stopTwilio() {
        if (twilio != null) {
            twilio.close();
        }
    }

    static SsprPolicy twilioPolicy(SsprPolicy policy) {
        return policy.withTwilio(twilio, SENDER);
    }

    static CredentialRepresentation fiveQuestions() {
        return SecurityQuestionsImport.answers()
                .question("first-stuffed-animal", "Mr Fluffy")
                .question("parents-met-city", "Ærøskøbing")
                .question("best-friend-nickname", "Bibi")
                .question("first-teacher", "Frau Müller")
                .question("first-concert", "Die Ärzte")
                .toRepresentation();
    }

    static final Map<String, String> ANSWERS = Map.of(
            "What was the name of your first stuffed animal?", "  mr   FLUFFY ",
            "In what city or town did your parents meet?", "ærøskøbing",
            "What was your childhood best friend’s nickname?", "bibi",
            "What was the last name of your first teacher at school?", "FRAU MÜLLER",
            "What was the first concert you went to?", "die ärzte");

    @Test
    @DisplayName("Given a mobile phone, then a text with a 6-digit code arrives from the sender and proves the user")
    void sms(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page methods = journey.startAs("texter");
        assertThat(methods.document().select("#sspr-method-mobile-sms").text())
                .contains("+1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202201").doesNotContain("4155550101");
        assertThat(methods.body()).doesNotContain("4155550101");

        Page codePage = journey.choose(methods, "mobile-sms");
        TwilioRequest text = twilio.awaitNextTo("+14155550101", WAIT);
        assertThat(text.kind()).isEqualTo(TwilioRequest.Kind.MESSAGE);
        assertThat(text.from()).isEqualTo(SENDER);
        assertThat(text.authenticated()).isTrue();
        assertThat(text.body()).contains("Contoso");
        assertThat(codePage.text()).contains("We texted a code to +1 \u2022\u2022\u2022");

        Page newPassword = journey.enterCode(codePage, sixDigits(text.body()));
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    @Test
    @DisplayName("Given a mobile phone and a voice call, then the call reads the code out twice and it proves the user")
    void voice(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page codePage = journey.choose(journey.startAs("caller"), "mobile-voice");
        TwilioRequest call = twilio.awaitNextTo("+14155550102", WAIT);

        assertThat(call.kind()).isEqualTo(TwilioRequest.Kind.CALL);
        assertThat(call.from()).isEqualTo(SENDER);
        String code = spokenCode(call.twiml());
        assertThat(call.twiml().split(Pattern.quote(spaced(code)), -1)).as("code said twice").hasSize(3);
        assertThat(call.twiml()).contains("language=\"en-US\"");
        assertThat(codePage.text()).contains("We\u2019re calling");

        Page newPassword = journey.enterCode(codePage, code);
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    @Test
    @DisplayName("Given an office phone with an extension, then the call dials the extension and its code works")
    void officePhone(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page codePage = journey.choose(journey.startAs("desk"), "office-voice");
        TwilioRequest call = twilio.awaitNextTo("+14155550103", WAIT);

        assertThat(call.kind()).isEqualTo(TwilioRequest.Kind.CALL);
        assertThat(call.sendDigits()).endsWith("89");
        Page newPassword = journey.enterCode(codePage, spokenCode(call.twiml()));
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    @Test
    @DisplayName("Given security questions, then three drawn questions answered in any case and spacing prove the "
            + "user, and a wrong set draws again")
    void securityQuestions(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page page = journey.choose(journey.startAs("asker"), "security-questions");
        assertThat(page.document().select("#sspr-questions-form input[name^=sspr-answer-]")).hasSize(3);

        Page wrong = answer(page, Map.of());
        assertThat(wrong.text()).contains("weren\u2019t right");
        assertThat(wrong.document().select("#sspr-questions-form input[name^=sspr-answer-]")).hasSize(3);

        Page newPassword = answer(wrong, ANSWERS);
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
        List<AuditRecord> records = admin.audit(one.name(), AuditQuery.all().withUserId(one.userId("asker")));
        assertThat(records).anyMatch(r -> "security-questions".equals(r.method()) && "wrong_answer".equals(r.failureReason()));
    }

    @Test
    @DisplayName("Given Twilio failing with 21211, 20429, 503 or a timeout, then the user reads that no code could be "
            + "sent to the masked number, can choose another method, and the audit keeps Twilio's code")
    void twilioFailures(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        Map<String, Runnable> failures = new LinkedHashMap<>();
        failures.put("21211", () -> twilio.failNext(400, 21211, "The 'To' number is not a valid phone number."));
        failures.put("20429", () -> twilio.failNext(429, 20429, "Too Many Requests"));
        failures.put("http-503", () -> twilio.failNext(503));
        failures.put("timeout", () -> twilio.delayNext(Duration.ofSeconds(5)));
        for (Map.Entry<String, Runnable> failure : failures.entrySet()) {
            failure.getValue().run();
            ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
            long started = System.nanoTime();
            Page page = journey.choose(journey.startAs("unlucky"), "mobile-sms");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(page.text()).as(failure.getKey())
                    .contains("We couldn\u2019t send a code to +1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202204");
            assertThat(page.document().select("#sspr-method-email")).as("another method offered").isNotEmpty();
            System.out.printf("[twilio] %s answered the user in %d ms%n", failure.getKey(), millis);
        }
        List<String> reasons = admin.audit(one.name(), AuditQuery.all().withUserId(one.userId("unlucky"))).stream()
                .map(AuditRecord::failureReason).filter(r -> r != null && r.startsWith("send_failed")).toList();
        assertThat(reasons).contains("send_failed:21211", "send_failed:20429", "send_failed:http-503",
                "send_failed:timeout");
    }

    @Test
    @DisplayName("Given two accounts sharing a number and 5 sends per hour per number, then the 5th send to it goes "
            + "and the 6th, from the other account, is refused")
    void tollFraudPerNumber(KeycloakServer server, MailServer mail) {
        for (int send = 1; send <= 5; send++) {
            String user = send <= 3 ? "sharer1" : "sharer2";
            ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
            Page page = journey.choose(journey.startAs(user), "mobile-sms");
            assertThat(page.document().selectFirst("#sspr-code-form")).as("send %d: %s", send, page.text())
                    .isNotNull();
            twilio.awaitNextTo("+14155550105", WAIT);
        }
        ResetJourney sixth = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page refused = sixth.choose(sixth.startAs("sharer2"), "mobile-sms");
        assertThat(refused.text()).contains("can\u2019t send more codes to +1");
        System.out.printf("[throttle] sends per number: 5th allowed, 6th (other account) refused%n");
    }

    @Test
    @DisplayName("Given N=2, then a text and the security questions together reset the password")
    void smsAndQuestions(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), two.name(), mail);
        Page methods = journey.startAs("pair");
        assertThat(methods.document().select("#sspr-progress").text()).isEqualTo("Step 1 of 2");
        Page codePage = journey.choose(methods, "mobile-sms");
        Page second = journey.enterCode(codePage, sixDigits(twilio.awaitNextTo("+14155550111", WAIT).body()));
        assertThat(second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");

        Page newPassword = answer(journey.choose(second, "security-questions"), ANSWERS);
        journey.newPassword(newPassword, NEW_PASSWORD, NEW_PASSWORD);
    }

    @Test
    @DisplayName("Given admins with security questions, then questions are never offered to them: one with email and "
            + "a phone proves those two, one with only a phone besides is sent to the helpdesk")
    void adminCannotUseQuestions(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), two.name(), mail);
        Page methods = journey.startAs("boss");
        assertThat(methods.document().select("#sspr-progress").text()).isEqualTo("Step 1 of 2");
        assertThat(methods.document().select("button[name=sspr-method]")).extracting(e -> e.attr("value"))
                .containsExactlyInAnyOrder("email", "mobile-sms");
        assertThat(journey.choose(methods, "security-questions").text()).contains("isn\u2019t available");

        Page refused = new ResetJourney(server.baseUrl(), two.name(), mail).startAs("qboss");
        assertThat(refused.document().selectFirst("#sspr-unavailable")).as(refused.text()).isNotNull();
    }

    static Page answer(Page page, Map<String, String> answersByQuestion) {
        Map<String, String> fields = new HashMap<>();
        for (Element input : page.document().select("#sspr-questions-form input[name^=sspr-answer-]")) {
            String question = page.document().select("label[for=" + input.id() + "]").text();
            fields.put(input.attr("name"), answersByQuestion.getOrDefault(question, "wrong answer"));
        }
        return page.form("#sspr-questions-form").submit("sspr-action", "answer", fields);
    }

    static String sixDigits(String text) {
        Matcher matcher = SIX_DIGITS.matcher(text);
        assertThat(matcher.find()).as("a 6-digit code in: %s", text).isTrue();
        return matcher.group(1);
    }

    /** The code from TwiML that says it digit by digit: "1, 2, 3, 4, 5, 6". */
    static String spokenCode(String twiml) {
        Matcher matcher = Pattern.compile("(\\d(?:, \\d){5})").matcher(twiml);
        assertThat(matcher.find()).as("a spoken code in: %s", twiml).isTrue();
        return matcher.group(1).replace(", ", "");
    }

    private static String spaced(String code) {
        return String.join(", ", code.split(""));
    }
}
