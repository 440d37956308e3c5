package io.github.keycloaksspr.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.twilio.twiml.voice.Say;

class VoiceScriptTest {

    @Test
    @DisplayName("Given an intro and a code, then the TwiML says both, digit by digit, twice, in the locale's language")
    void exactScript() {
        String twiml = VoiceScript.forCode("Ihr Bestätigungscode lautet", "042917", Locale.GERMANY);

        assertThat(twiml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say language=\"de-DE\">Ihr Bestätigungscode lautet</Say><Pause length=\"1\"/>"
                + "<Say language=\"de-DE\">0, 4, 2, 9, 1, 7</Say>"
                + "<Pause length=\"2\"/>"
                + "<Say language=\"de-DE\">Ihr Bestätigungscode lautet</Say><Pause length=\"1\"/>"
                + "<Say language=\"de-DE\">0, 4, 2, 9, 1, 7</Say>"
                + "</Response>");
    }

    @Test
    @DisplayName("Given an intro with markup characters, then they are escaped, not interpreted")
    void escapesIntro() {
        String twiml = VoiceScript.forCode("Code <Hangup/> & more", "12", Locale.US);

        assertThat(twiml).contains("<Say language=\"en-US\">Code &lt;Hangup/&gt; &amp; more</Say>")
                .doesNotContain("<Hangup/>");
    }

    @ParameterizedTest(name = "{0} speaks {1}")
    @CsvSource({
        "en-GB, en-GB",
        "en, en-US",
        "de, de-DE",
        "de-AT, de-AT",
        "de-CH, de-DE",
        "fr, fr-FR",
        "fr-CA, fr-CA",
        "pt, pt-BR",
        "pt-PT, pt-PT",
        "es-MX, es-MX",
        "ja, ja-JP",
        "pl, pl-PL",
        "nb-NO, nb-NO",
        "zh-TW, zh-TW",
        "xx, en-US",
        "'', en-US",
    })
    @DisplayName("Given a locale, then its exact Twilio language, else the language's usual one, else en-US")
    void mapsLanguage(String tag, String expected) {
        assertThat(VoiceScript.language(Locale.forLanguageTag(tag)).toString()).isEqualTo(expected);
    }

    @Test
    @DisplayName("Given no locale, then en-US")
    void nullLocale() {
        assertThat(VoiceScript.language(null)).isEqualTo(Say.Language.EN_US);
    }
}
