package io.github.keycloaksspr.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

/**
 * The TwiML a voice call plays: the intro and the code, digit by digit, and all of it once more, because a caller
 * who picks up late or mishears a digit has no screen to read it from.
 */
public final class VoiceScript {

    static final Say.Language FALLBACK = Say.Language.EN_US;
    /** A comma makes every text-to-speech engine pause; a full stop would read "1." as "first" in some languages. */
    static final String DIGIT_SEPARATOR = ", ";

    /** The usual voice for a language Twilio speaks in several countries, when the locale names no country. */
    private static final Map<String, Say.Language> USUAL_COUNTRY = Map.of(
            "en", Say.Language.EN_US,
            "de", Say.Language.DE_DE,
            "fr", Say.Language.FR_FR,
            "es", Say.Language.ES_ES,
            "pt", Say.Language.PT_BR,
            "nl", Say.Language.NL_NL,
            "zh", Say.Language.ZH_CN);

    private VoiceScript() {
    }

    /**
     * @param intro  an already localised sentence, e.g. "Your verification code is"
     * @param code   the one-time code; every character is spoken on its own
     * @param locale the user's locale, which picks the voice's language
     */
    public static String forCode(String intro, String code, Locale locale) {
        Say.Language language = language(locale);
        String digits = code.codePoints().mapToObj(Character::toString)
                .collect(Collectors.joining(DIGIT_SEPARATOR));
        VoiceResponse.Builder script = new VoiceResponse.Builder();
        for (int round = 0; round < 2; round++) {
            if (round > 0) {
                script.pause(new Pause.Builder().length(2).build());
            }
            script.say(new Say.Builder(intro).language(language).build())
                    .pause(new Pause.Builder().length(1).build())
                    .say(new Say.Builder(digits).language(language).build());
        }
        try {
            return script.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("Cannot write the voice script", e);
        }
    }

    /** The locale's language and country if Twilio speaks it, else the language's usual country, else en-US. */
    static Say.Language language(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            return FALLBACK;
        }
        String language = locale.getLanguage();
        return byTag(language + "-" + locale.getCountry())
                .or(() -> Optional.ofNullable(USUAL_COUNTRY.get(language)))
                .or(() -> Arrays.stream(Say.Language.values())
                        .filter(candidate -> candidate.toString().startsWith(language + "-"))
                        .findFirst())
                .orElse(FALLBACK);
    }

    private static Optional<Say.Language> byTag(String tag) {
        return Arrays.stream(Say.Language.values())
                .filter(candidate -> candidate.toString().equalsIgnoreCase(tag))
                .findFirst();
    }
}
